import Foundation
import SparklerCore

/// The model's training noise schedule, and the noise levels each sampler visits.
///
/// In k-diffusion's convention a timestep `t` with `alphasCumprod[t] = a` has noise level
/// `sigma = sqrt((1 - a) / a)`; between integer timesteps log sigma is interpolated linearly (k-diffusion's
/// `DiscreteSchedule`).
public struct NoiseSchedule: Sendable {
    /// sparkler-tiny's schedule: Nichol & Dhariwal's cosine schedule discretised like diffusers'
    /// `squaredcos_cap_v2`, T = 1000 (see MODEL_CARD.md).
    public static let cosine = NoiseSchedule(alphasCumprod: cosineAlphasCumprod(steps: 1000))

    public let alphasCumprod: [Double]
    private let sigmas: [Double]
    private let logSigmas: [Double]

    /// `alphasCumprod` must be strictly decreasing, with at least two entries.
    public init(alphasCumprod: [Double]) {
        precondition(alphasCumprod.count >= 2, "a schedule needs at least two timesteps")
        self.alphasCumprod = alphasCumprod
        sigmas = alphasCumprod.map { ((1 - $0) / $0).squareRoot() }
        logSigmas = sigmas.map { log($0) }
    }

    /// The largest timestep (999 for T = 1000).
    public var maxTimestep: Int { alphasCumprod.count - 1 }

    /// Where the k-diffusion samplers start: the timestep of sigma 80 (EDM's sigma_max), or the last one.
    /// The cosine schedule's last sigma is about 20,000: a first step from there down to sigma 10-30
    /// is fine for first-order samplers but makes the second-order corrections of Heun and DPM2
    /// ancestral blow up (they average slopes taken 1000x apart). At sigma 80 the picture's share of the
    /// starting noise is 1/80 of what it would be at sigma 1, which the first steps cannot tell from zero.
    public var samplerStart: Double {
        min(level(sigma: Self.samplerMaxSigma).timestep, Double(maxTimestep))
    }

    public static let samplerMaxSigma = 80.0

    /// Sigma at a timestep, clamped to `0...maxTimestep`; exactly the table's value at integers.
    public func sigma(atTimestep t: Double) -> Double {
        let t = min(max(t, 0), Double(maxTimestep))
        let low = Int(t.rounded(.down))
        let w = t - Double(low)
        if w == 0 { return sigmas[low] }
        return exp((1 - w) * logSigmas[low] + w * logSigmas[low + 1])
    }

    /// The level for a sigma: its timestep found by interpolating log sigma, clamped to `0...maxTimestep`
    /// (the sigma itself is kept as given). Sigma 0 is `.clean`.
    public func level(sigma: Double) -> NoiseLevel {
        guard sigma > 0 else { return .clean }
        let logSigma = log(sigma)
        // The last index whose log sigma is <= logSigma, kept inside 0...max - 1 so low + 1 exists.
        var low = 0
        var high = maxTimestep - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if logSigmas[mid] <= logSigma { low = mid } else { high = mid - 1 }
        }
        let w = min(max((logSigma - logSigmas[low]) / (logSigmas[low + 1] - logSigmas[low]), 0), 1)
        return NoiseLevel(sigma: sigma, timestep: Double(low) + w)
    }

    /// The `n` levels a sampler steps from, then `.clean` (n + 1 entries).
    ///
    /// DDIM and DDPM visit the reference sampler's integer timesteps `round(T - i * T / n) - 1`
    /// (training/sample.py; Python rounds half to even); the k-diffusion samplers use
    /// `DiscreteSchedule.get_sigmas`: timesteps evenly spaced from `samplerStart` down to 0.
    public func levels(for sampler: Sampler, steps n: Int) -> [NoiseLevel] {
        precondition(n > 0, "a schedule needs at least one step")
        let timesteps: [Double]
        switch sampler {
        case .ddim, .ddpm:
            let count = Double(alphasCumprod.count)
            timesteps = (0..<n).map { i in (count - Double(i) * count / Double(n)).rounded(.toNearestOrEven) - 1 }
        case .euler, .eulerAncestral, .heun, .dpm2, .dpm2Ancestral, .dpmpp2M, .dpmpp2SAncestral, .lms:
            let top = samplerStart
            timesteps = n == 1 ? [top] : (0..<n).map { i in top * Double(n - 1 - i) / Double(n - 1) }
        }
        return timesteps.map { NoiseLevel(sigma: sigma(atTimestep: $0), timestep: $0) } + [.clean]
    }

    /// `f(u) = cos((u + 0.008) / 1.008 * pi / 2)^2`, `beta_i = min(1 - f((i + 1) / T) / f(i / T), 0.999)`,
    /// `alphasCumprod[t] = prod_{i <= t} (1 - beta_i)`.
    private static func cosineAlphasCumprod(steps: Int) -> [Double] {
        let offset = 0.008
        func f(_ u: Double) -> Double {
            let c = cos((u + offset) / (1 + offset) * Double.pi / 2)
            return c * c
        }
        var product = 1.0
        return (0..<steps).map { i in
            let beta = min(1 - f(Double(i + 1) / Double(steps)) / f(Double(i) / Double(steps)), 0.999)
            product *= 1 - beta
            return product
        }
    }
}
