/// Vectorized loops for the element-wise work between matrix products: reductions the compiler cannot
/// vectorize by itself (floating-point sums must keep their order) and a SIMD exponential for SiLU.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var total = Vector()
        var i = 0
        while i + 8 <= count {
            total += UnsafeRawPointer(values + i).loadUnaligned(as: Vector.self)
            i += 8
        }
        var sum = total.sum()
        while i < count {
            sum += values[i]
            i += 1
        }
        return sum
    }

    /// The sum of (x - mean)^2.
    static func squaredDeviations(_ values: UnsafePointer<Float>, count: Int, mean: Float) -> Float {
        var total = Vector()
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(values + i).loadUnaligned(as: Vector.self) - mean
            total += d * d
            i += 8
        }
        var sum = total.sum()
        while i < count {
            sum += (values[i] - mean) * (values[i] - mean)
            i += 1
        }
        return sum
    }

    /// output = input * scale + shift, then SiLU when asked, over `count` floats.
    static func affine(
        _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int,
        scale: Float, shift: Float, silu: Bool
    ) {
        var i = 0
        while i + 8 <= count {
            var v = UnsafeRawPointer(input + i).loadUnaligned(as: Vector.self) * scale + shift
            if silu { v = v / (1 + exp(-v)) }
            UnsafeMutableRawPointer(output + i).storeBytes(of: v, as: Vector.self)
            i += 8
        }
        while i < count {
            var v = input[i] * scale + shift
            if silu { v = v / (1 + exp(-Vector(repeating: v))[0]) }
            output[i] = v
            i += 1
        }
    }

    /// SiLU in place.
    static func silu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        affine(values, values, count: count, scale: 1, shift: 0, silu: true)
    }

    /// e^x, to a few ulp: x = n ln 2 + r with |r| <= ln 2 / 2, a degree-6 polynomial for e^r, and 2^n put
    /// straight into the exponent bits. n is rounded by adding 1.5 * 2^23, which leaves it in the low
    /// mantissa bits (no float-to-integer conversion). Inputs are clamped to where e^x is a normal float.
    static func exp(_ x: Vector) -> Vector {
        let clamped = pointwiseMin(pointwiseMax(x, Vector(repeating: -87)), Vector(repeating: 88))
        let shifter: Float = 12_582_912
        let shifted = clamped * 1.442_695_04 + shifter
        let n = shifted - shifter
        // ln 2 split in two so that n * ln 2 is subtracted without rounding error.
        let r = clamped - n * 0.693_145_752 - n * 1.428_606_82e-6
        var p = Vector(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- shifter.bitPattern &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: Vector.self)
    }
}
