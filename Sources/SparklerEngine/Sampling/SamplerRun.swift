import Foundation
import SparklerCore

/// One sampling run: the steps of each algorithm, and what the multistep ones remember between steps.
/// Each step goes from `levels[i]` (sigma) to `levels[i + 1]` (next), following k-diffusion's `sampling.py`.
struct SamplerRun<Model: Denoiser> {
    let sampler: Sampler
    let schedule: NoiseSchedule
    let levels: [NoiseLevel]
    let model: Model
    private let sigmas: [Double]
    /// LMS: the slopes of the last (up to) four steps, oldest first.
    private var derivatives: [[Float]] = []
    /// DPM++ 2M: the previous step's denoised estimate.
    private var previousDenoised: [Float]?

    init(sampler: Sampler, schedule: NoiseSchedule, levels: [NoiseLevel], model: Model) {
        self.sampler = sampler
        self.schedule = schedule
        self.levels = levels
        self.model = model
        sigmas = levels.map(\.sigma)
    }

    /// Takes step `i` and returns its denoised estimate (that of the model call at `levels[i]`).
    mutating func step(_ i: Int, _ x: inout [Float], noise: inout GaussianNoise) throws -> [Float] {
        let denoised = try model.denoise(x, at: levels[i])
        let (sigma, next) = (sigmas[i], sigmas[i + 1])
        switch sampler {
        case .euler, .ddim:
            // Deterministic DDIM is Euler's step in this convention: with x = x_vp / sqrt(a), the reference
            // update sqrt(a') x0 + sqrt(1 - a') eps divided by sqrt(a') is x0 + sigma' * (x - x0) / sigma.
            x = eulerStep(x, denoised: denoised, from: sigma, to: next)
        case .eulerAncestral, .ddpm:
            // DDPM's posterior step (DDIM with eta 1) in VP terms, x' = sqrt(a') x0 + sqrt(1 - a' - s^2) eps
            // + s z with s^2 = (1 - a') / (1 - a) * (1 - a / a'), divided by sqrt(a') and with
            // a = 1 / (1 + sigma^2), is x0 + down * (x - x0) / sigma + up * z with get_ancestral_step's
            // down and up: the ancestral Euler step.
            let ancestral = AncestralStep(from: sigma, to: next)
            x = eulerStep(x, denoised: denoised, from: sigma, to: ancestral.down)
            if next > 0 { x = addNoise(to: x, size: ancestral.up, from: &noise) }
        case .heun:
            x = try heun(i, x, denoised: denoised)
        case .dpm2:
            x = try dpm2(x, denoised: denoised, from: sigma, to: next)
        case .dpm2Ancestral:
            let ancestral = AncestralStep(from: sigma, to: next)
            x = try dpm2(x, denoised: denoised, from: sigma, to: ancestral.down)
            if ancestral.down > 0 { x = addNoise(to: x, size: ancestral.up, from: &noise) }
        case .dpmpp2M:
            x = dpmpp2M(i, x, denoised: denoised)
        case .dpmpp2SAncestral:
            let ancestral = AncestralStep(from: sigma, to: next)
            x = try dpmpp2S(x, denoised: denoised, from: sigma, to: ancestral.down)
            if next > 0 { x = addNoise(to: x, size: ancestral.up, from: &noise) }
        case .lms:
            x = lms(i, x, denoised: denoised)
        }
        return denoised
    }

    /// `x + (x - denoised) / sigma * (target - sigma)`, written so that target 0 gives `denoised` exactly.
    private func eulerStep(_ x: [Float], denoised: [Float], from sigma: Double, to target: Double) -> [Float] {
        let ratio = target / sigma
        return weightedSum((ratio, x), (1 - ratio, denoised))
    }

    private func addNoise(to x: [Float], size: Double, from noise: inout GaussianNoise) -> [Float] {
        weightedSum((1, x), (size, noise.next(x.count)))
    }

    /// `sample_heun`: the average of the slopes at both ends, except for the last step to sigma 0.
    private func heun(_ i: Int, _ x: [Float], denoised: [Float]) throws -> [Float] {
        let (sigma, next) = (sigmas[i], sigmas[i + 1])
        let end = eulerStep(x, denoised: denoised, from: sigma, to: next)
        guard next > 0 else { return end }
        let endDenoised = try model.denoise(end, at: levels[i + 1])
        let dt = next - sigma
        return weightedSum(
            (1, x), (dt / 2, derivative(x, denoised: denoised, sigma: sigma)),
            (dt / 2, derivative(end, denoised: endDenoised, sigma: next)))
    }

    /// `sample_dpm_2`: the slope at the midpoint in log sigma, except for a step to sigma 0.
    private func dpm2(_ x: [Float], denoised: [Float], from sigma: Double, to target: Double) throws -> [Float] {
        guard target > 0 else { return eulerStep(x, denoised: denoised, from: sigma, to: target) }
        let mid = exp((log(sigma) + log(target)) / 2)
        let midX = eulerStep(x, denoised: denoised, from: sigma, to: mid)
        let midDenoised = try model.denoise(midX, at: schedule.level(sigma: mid))
        return weightedSum((1, x), (target - sigma, derivative(midX, denoised: midDenoised, sigma: mid)))
    }

    /// `sample_dpmpp_2m`'s step, in t = -log sigma with h = t_next - t: a second-order estimate from this
    /// and the previous denoised picture once there is a previous one.
    private mutating func dpmpp2M(_ i: Int, _ x: [Float], denoised: [Float]) -> [Float] {
        defer { previousDenoised = denoised }
        let (sigma, next) = (sigmas[i], sigmas[i + 1])
        guard next > 0 else { return denoised }
        let h = log(sigma) - log(next)
        var estimate = denoised
        if let previousDenoised {
            let r = (log(sigmas[i - 1]) - log(sigma)) / h
            estimate = weightedSum((1 + 1 / (2 * r), denoised), (-1 / (2 * r), previousDenoised))
        }
        return weightedSum((next / sigma, x), (-expm1(-h), estimate))
    }

    /// `sample_dpmpp_2s_ancestral`'s deterministic part: DPM-Solver++(2S) with its midpoint at half of h.
    private func dpmpp2S(_ x: [Float], denoised: [Float], from sigma: Double, to target: Double) throws -> [Float] {
        guard target > 0 else { return eulerStep(x, denoised: denoised, from: sigma, to: target) }
        let h = log(sigma) - log(target)
        let mid = sigma * exp(-h / 2)
        let midX = weightedSum((mid / sigma, x), (-expm1(-h / 2), denoised))
        let midDenoised = try model.denoise(midX, at: schedule.level(sigma: mid))
        return weightedSum((target / sigma, x), (-expm1(-h), midDenoised))
    }

    /// `sample_lms` of order 4: the slopes of the last steps combined with Lagrange-polynomial weights.
    private mutating func lms(_ i: Int, _ x: [Float], denoised: [Float]) -> [Float] {
        derivatives.append(derivative(x, denoised: denoised, sigma: sigmas[i]))
        if derivatives.count > 4 { derivatives.removeFirst() }
        let weights = LinearMultistep.coefficients(sigmas: sigmas, step: i, order: derivatives.count)
        return weightedSum([(1, x)] + zip(weights, derivatives.reversed()).map { ($0, $1) })
    }
}
