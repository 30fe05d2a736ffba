import CBLAS

/// Row-major single-precision matrix products through OpenBLAS: C = op(A) op(B) (+ C when accumulating).
/// Leading dimensions let callers multiply sub-matrices in place (one attention head, one batch item).
enum MatrixProduct {
    struct Operand {
        var pointer: UnsafePointer<Float>
        var leadingDimension: Int
        var transposed = false
    }

    /// `rows` x `columns` result of an inner dimension `depth`, written to `output` (leading dimension `outputStride`).
    static func multiply(
        _ a: Operand, _ b: Operand, rows: Int, columns: Int, depth: Int,
        into output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool = false
    ) {
        OpenBLAS.shared.sgemm(
            CblasRowMajor, a.transposed ? CblasTrans : CblasNoTrans, b.transposed ? CblasTrans : CblasNoTrans,
            Int32(rows), Int32(columns), Int32(depth),
            1, a.pointer, Int32(a.leadingDimension), b.pointer, Int32(b.leadingDimension),
            accumulate ? 1 : 0, output, Int32(outputStride)
        )
    }
}

extension Array where Element == Float {
    /// An array of `count` floats that `fill` must write completely (no zero-filling first).
    static func filled(count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }
}
