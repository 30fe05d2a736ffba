/// A point on the noise schedule: the noise level `sigma` that samplers do their arithmetic with, and the
/// model timestep (0...999, fractional between table entries) that the network is told.
public struct NoiseLevel: Sendable, Equatable {
    public var sigma: Double
    public var timestep: Double

    public init(sigma: Double, timestep: Double) {
        self.sigma = sigma
        self.timestep = timestep
    }

    /// The end of every schedule: no noise left.
    public static let clean = NoiseLevel(sigma: 0, timestep: 0)
}

/// The model as samplers see it, in k-diffusion's convention: `x` is a noisy picture `x0 + sigma * noise`
/// (flattened, any length), and the answer is the model's estimate of `x0`. Guidance, the network and
/// the variance-preserving scaling all live behind this.
public protocol Denoiser {
    /// Throws `CancellationError` when the caller's task was cancelled.
    func denoise(_ x: [Float], at level: NoiseLevel) throws -> [Float]
}

/// What a sampler reports after each step: which step finished and its current estimate of the clean
/// picture, for progress bars and live previews.
public struct SamplerStep {
    public var index: Int
    public var count: Int
    public var denoised: [Float]

    public init(index: Int, count: Int, denoised: [Float]) {
        self.index = index
        self.count = count
        self.denoised = denoised
    }
}
