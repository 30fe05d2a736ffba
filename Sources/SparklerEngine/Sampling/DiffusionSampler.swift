import SparklerCore

/// Runs a `Sampler` over a list of noise levels: k-diffusion's algorithms (crowsonkb/k-diffusion,
/// `sampling.py`, with eta 1 and s_noise 1 for the ancestral ones), and DDIM and DDPM in the same
/// convention.
public struct DiffusionSampler: Sendable {
    public let sampler: Sampler
    /// Gives the timestep of the sigmas that some samplers visit between two listed levels.
    public let schedule: NoiseSchedule

    public init(_ sampler: Sampler, schedule: NoiseSchedule = .cosine) {
        self.sampler = sampler
        self.schedule = schedule
    }

    /// Denoises `x`, which is at noise level `levels[0]` (for text to image: standard noise times
    /// `levels[0].sigma`), in `levels.count - 1` steps, calling `onStep` after each one.
    ///
    /// The result is the final `x` when the last level is clean. When it is not (image to image stopping
    /// early) the result is the last step's denoised estimate, so that no noise is left in the picture. With
    /// a single level there is no step and `x` comes back unchanged.
    ///
    /// Only the ancestral samplers and DDPM use `noise`: `x.count` values after each step whose next level
    /// is not clean, so a seed gives the same picture every time.
    public func sample(
        from x: [Float], levels: [NoiseLevel], denoiser: some Denoiser, noise: inout GaussianNoise,
        onStep: (SamplerStep) throws -> Void
    ) throws -> [Float] {
        precondition(!levels.isEmpty, "a run needs at least its starting level")
        var run = SamplerRun(sampler: sampler, schedule: schedule, levels: levels, model: denoiser)
        let count = levels.count - 1
        var x = x
        var lastDenoised: [Float]?
        for index in 0..<count {
            let denoised = try run.step(index, &x, noise: &noise)
            try onStep(SamplerStep(index: index, count: count, denoised: denoised))
            lastDenoised = denoised
        }
        if let lastDenoised, levels[count].sigma > 0 { return lastDenoised }
        return x
    }
}
