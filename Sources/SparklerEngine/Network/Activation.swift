import Foundation

/// SiLU(x) = x * sigmoid(x), in place.
func applySiLU(_ values: inout [Float]) {
    values.withUnsafeMutableBufferPointer { VectorMath.silu($0.baseAddress!, count: $0.count) }
}

/// Softmax of each row of a row-major `rows` x `columns` matrix, after scaling every entry by `scale`.
func applySoftmaxRows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, columns: Int, scale: Float) {
    for row in 0..<rows {
        let start = matrix + row * columns
        var largest = -Float.infinity
        for j in 0..<columns { largest = max(largest, start[j] * scale) }
        var sum: Float = 0
        for j in 0..<columns {
            let e = expf(start[j] * scale - largest)
            start[j] = e
            sum += e
        }
        let inverse = 1 / sum
        for j in 0..<columns { start[j] *= inverse }
    }
}
