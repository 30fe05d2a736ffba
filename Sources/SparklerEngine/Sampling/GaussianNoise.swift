import Foundation

/// Standard normal noise from a seed, identical on every run.
///
/// Pictures are reproducible from their seed only while this stays bit-for-bit the same, so the algorithm
/// is fixed: the seed goes through SplitMix64 to fill the state of xoshiro256** (Blackman & Vigna); each
/// pair of outputs becomes uniforms `u = (bits >> 11) * 2^-53` in [0, 1), and Box-Muller in Double turns
/// them into two normals, `sqrt(-2 ln(1 - u1)) * cos(2 pi u2)` then `... * sin(2 pi u2)`, each rounded to
/// Float. The second of a pair is kept for the next value, so the stream does not depend on how it is
/// split into `next(_:)` calls. (`log`, `sin` and `cos` come from the platform's libm; a last-bit
/// difference between libms almost never survives the rounding to Float.)
public struct GaussianNoise: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spare: Float?

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next `count` standard normal values.
    public mutating func next(_ count: Int) -> [Float] {
        (0..<count).map { _ in nextNormal() }
    }

    private mutating func nextNormal() -> Float {
        if let spare {
            self.spare = nil
            return spare
        }
        let radius = (-2 * log(1 - nextUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        spare = Float(radius * sin(angle))
        return Float(radius * cos(angle))
    }

    private mutating func nextUniform() -> Double {
        Double(nextBits() >> 11) * 0x1p-53
    }

    /// xoshiro256**.
    private mutating func nextBits() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
