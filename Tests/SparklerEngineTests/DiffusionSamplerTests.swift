import Foundation
import SparklerCore
import Testing
@testable import SparklerEngine

/// Data whose elements are independent draws from N(mean, std^2). Its exact denoiser is
/// E[x0 | x] = mean + std^2 / (std^2 + sigma^2) * (x - mean), and the probability-flow ODE from x at sigma
/// ends at mean + std / sqrt(std^2 + sigma^2) * (x - mean).
struct GaussianData: Denoiser {
    var mean = 0.3
    var std = 0.5

    func denoise(_ x: [Float], at level: NoiseLevel) throws -> [Float] {
        let gain = std * std / (std * std + level.sigma * level.sigma)
        return x.map { Float(mean + gain * (Double($0) - mean)) }
    }

    func exactSolution(from x: [Float], sigma: Double) -> [Float] {
        let gain = std / (std * std + sigma * sigma).squareRoot()
        return x.map { Float(mean + gain * (Double($0) - mean)) }
    }
}

/// A nonlinear x0 predictor defined in the variance-preserving space the network sees, for comparing with
/// the reference sampler's VP arithmetic.
struct VPDenoiser: Denoiser {
    static func x0(fromVP x: Double, timestep: Double) -> Double {
        0.8 * tanh(x) + 0.05 * sin(timestep / 100)
    }

    func denoise(_ x: [Float], at level: NoiseLevel) throws -> [Float] {
        let scale = 1 / (1 + level.sigma * level.sigma).squareRoot()
        return x.map { Float(Self.x0(fromVP: Double($0) * scale, timestep: level.timestep)) }
    }
}

/// Counts calls, records the levels it saw, and throws `CancellationError` from call `cancelAt` on.
final class RecordingDenoiser<Inner: Denoiser>: Denoiser {
    let inner: Inner
    let cancelAt: Int?
    private(set) var levels: [NoiseLevel] = []

    init(_ inner: Inner, cancelAt: Int? = nil) {
        self.inner = inner
        self.cancelAt = cancelAt
    }

    func denoise(_ x: [Float], at level: NoiseLevel) throws -> [Float] {
        if let cancelAt, levels.count + 1 >= cancelAt { throw CancellationError() }
        levels.append(level)
        return try inner.denoise(x, at: level)
    }
}

@Suite struct DiffusionSamplerTests {
    static let deterministic: [Sampler] = [.euler, .heun, .dpm2, .dpmpp2M, .lms, .ddim]
    static let ancestral: [Sampler] = [.eulerAncestral, .dpm2Ancestral, .dpmpp2SAncestral, .ddpm]
    let data = GaussianData()

    /// Samples `count` elements from standard noise scaled to the first level.
    func run(
        _ sampler: Sampler, levels: [NoiseLevel], count: Int = 64, seed: UInt64 = 1,
        denoiser: some Denoiser = GaussianData()
    ) throws -> (start: [Float], result: [Float]) {
        var noise = GaussianNoise(seed: seed)
        let start = noise.next(count).map { $0 * Float(levels[0].sigma) }
        let result = try DiffusionSampler(sampler).sample(
            from: start, levels: levels, denoiser: denoiser, noise: &noise
        ) { _ in }
        return (start, result)
    }

    /// Root-mean-square distance to the probability-flow ODE's exact end point.
    func odeError(_ sampler: Sampler, levels: [NoiseLevel]) throws -> Double {
        let (start, result) = try run(sampler, levels: levels)
        let exact = data.exactSolution(from: start, sigma: levels[0].sigma)
        let squares = zip(result, exact).map { Double($0 - $1) * Double($0 - $1) }
        return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }

    /// Sigmas spaced evenly in log from 10 to 0.005, then clean: a smooth path on which the local order of
    /// each method shows (the model's own schedule starts with one huge step from sigma 20291).
    func geometricLevels(_ n: Int) -> [NoiseLevel] {
        (0..<n).map { i in NoiseSchedule.cosine.level(sigma: 10 * pow(0.0005, Double(i) / Double(n - 1))) } + [.clean]
    }

    @Test(arguments: deterministic)
    func deterministicSamplersConvergeToTheODESolution(sampler: Sampler) throws {
        let coarse = try odeError(sampler, levels: NoiseSchedule.cosine.levels(for: sampler, steps: 10))
        let fine = try odeError(sampler, levels: NoiseSchedule.cosine.levels(for: sampler, steps: 50))
        #expect(fine < 0.1 * data.std)
        #expect(fine < coarse / 2)
    }

    @Test(arguments: [Sampler.heun, .dpm2, .dpmpp2M])
    func secondOrderSamplersConvergeQuadratically(sampler: Sampler) throws {
        let ratio = try odeError(sampler, levels: geometricLevels(20)) / odeError(sampler, levels: geometricLevels(40))
        let eulerRatio = try odeError(.euler, levels: geometricLevels(20)) / odeError(.euler, levels: geometricLevels(40))
        #expect(ratio > 3)  // about 4 for second order
        #expect(eulerRatio > 1.5 && eulerRatio < 2.5)  // about 2 for first order
    }

    @Test func secondOrderSamplersBeatEulerForTheSameWork() throws {
        // Heun and DPM2 call the model 2n - 1 times in n steps; DPM++ 2M once per step.
        let euler39 = try odeError(.euler, levels: geometricLevels(39))
        #expect(try odeError(.heun, levels: geometricLevels(20)) < euler39)
        #expect(try odeError(.dpm2, levels: geometricLevels(20)) < euler39)
        let euler20 = try odeError(.euler, levels: geometricLevels(20))
        #expect(try odeError(.dpmpp2M, levels: geometricLevels(20)) < euler20 / 4)
        let realEuler = try odeError(.euler, levels: NoiseSchedule.cosine.levels(for: .euler, steps: 50))
        #expect(try odeError(.dpmpp2M, levels: NoiseSchedule.cosine.levels(for: .dpmpp2M, steps: 50)) < realEuler)
    }

    @Test(arguments: ancestral)
    func ancestralSamplersDrawFromTheData(sampler: Sampler) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 100)
        let (_, result) = try run(sampler, levels: levels, count: 20_000)
        let values = result.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        #expect(abs(mean - data.mean) < 0.02)
        #expect(abs(std - data.std) < 0.03)
    }

    @Test func ddimReproducesTheReferenceSampler() throws {
        let schedule = NoiseSchedule.cosine
        let levels = schedule.levels(for: .ddim, steps: 20)
        var startNoise = GaussianNoise(seed: 5)
        let xT = startNoise.next(256).map(Double.init)
        // training/sample.py in the variance-preserving space, in Double.
        var x = xT
        let timesteps = levels.dropLast().map { Int($0.timestep) }
        for (i, t) in timesteps.enumerated() {
            let a = schedule.alphasCumprod[t]
            let aNext = i + 1 < timesteps.count ? schedule.alphasCumprod[timesteps[i + 1]] : 1
            x = x.map { xt in
                let x0 = VPDenoiser.x0(fromVP: xt, timestep: Double(t))
                let eps = (xt - a.squareRoot() * x0) / (1 - a).squareRoot()
                return aNext.squareRoot() * x0 + (1 - aNext).squareRoot() * eps
            }
        }
        // The same start in k-diffusion's convention: x = x_vp / sqrt(a).
        let start = xT.map { Float($0 / schedule.alphasCumprod[999].squareRoot()) }
        var noise = GaussianNoise(seed: 0)
        let result = try DiffusionSampler(.ddim).sample(
            from: start, levels: levels, denoiser: VPDenoiser(), noise: &noise
        ) { _ in }
        let worst = zip(result, x).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 1e-4)
    }

    @Test func ddpmIsTheAncestralPosteriorStep() throws {
        let schedule = NoiseSchedule.cosine
        let levels = schedule.levels(for: .ddpm, steps: 10)
        var startNoise = GaussianNoise(seed: 5)
        let xT = startNoise.next(256).map(Double.init)
        // x' = sqrt(a') x0 + sqrt(1 - a' - s^2) eps + s z, s^2 = (1 - a') / (1 - a) * (1 - a / a'), in VP space.
        var x = xT
        var referenceNoise = GaussianNoise(seed: 9)
        let timesteps = levels.dropLast().map { Int($0.timestep) }
        for (i, t) in timesteps.enumerated() {
            let a = schedule.alphasCumprod[t]
            let aNext = i + 1 < timesteps.count ? schedule.alphasCumprod[timesteps[i + 1]] : 1
            let s = ((1 - aNext) / (1 - a) * (1 - a / aNext)).squareRoot()
            let z = aNext < 1 ? referenceNoise.next(x.count).map(Double.init) : Array(repeating: 0, count: x.count)
            x = zip(x, z).map { xt, z in
                let x0 = VPDenoiser.x0(fromVP: xt, timestep: Double(t))
                let eps = (xt - a.squareRoot() * x0) / (1 - a).squareRoot()
                return aNext.squareRoot() * x0 + (1 - aNext - s * s).squareRoot() * eps + s * z
            }
        }
        let start = xT.map { Float($0 / schedule.alphasCumprod[999].squareRoot()) }
        var noise = GaussianNoise(seed: 9)
        let result = try DiffusionSampler(.ddpm).sample(
            from: start, levels: levels, denoiser: VPDenoiser(), noise: &noise
        ) { _ in }
        let worst = zip(result, x).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 1e-4)
    }

    @Test(arguments: Sampler.allCases)
    func theSameSeedGivesTheSamePicture(sampler: Sampler) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 8)
        let first = try run(sampler, levels: levels, seed: 3).result
        let again = try run(sampler, levels: levels, seed: 3).result
        #expect(first == again)
    }

    @Test(arguments: Sampler.allCases)
    func onlyAncestralSamplersDrawNoise(sampler: Sampler) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 8)
        let start = [Float](repeating: 1, count: 16)
        var noise = GaussianNoise(seed: 3)
        _ = try DiffusionSampler(sampler).sample(from: start, levels: levels, denoiser: data, noise: &noise) { _ in }
        var fresh = GaussianNoise(seed: 3)
        let draws = Self.ancestral.contains(sampler) ? 7 : 0  // one per step except the last, to clean
        _ = fresh.next(draws * start.count)
        #expect(noise.next(10) == fresh.next(10))
    }

    @Test(arguments: Sampler.allCases)
    func onStepReportsEveryStepInOrder(sampler: Sampler) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 7)
        var noise = GaussianNoise(seed: 3)
        var steps: [SamplerStep] = []
        _ = try DiffusionSampler(sampler).sample(
            from: noise.next(32), levels: levels, denoiser: data, noise: &noise
        ) { steps.append($0) }
        #expect(steps.map(\.index) == Array(0..<7))
        #expect(steps.allSatisfy { $0.count == 7 && $0.denoised.count == 32 })
    }

    @Test(arguments: [
        (Sampler.euler, 10), (.eulerAncestral, 10), (.heun, 19), (.dpm2, 19), (.dpm2Ancestral, 19),
        (.dpmpp2M, 10), (.dpmpp2SAncestral, 19), (.lms, 10), (.ddim, 10), (.ddpm, 10),
    ])
    func modelCallsPerRun(sampler: Sampler, calls: Int) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 10)
        let denoiser = RecordingDenoiser(data)
        _ = try run(sampler, levels: levels, denoiser: denoiser)
        #expect(denoiser.levels.count == calls)
    }

    @Test func intermediateCallsGetTheirTimestepFromTheSchedule() throws {
        let levels = NoiseSchedule.cosine.levels(for: .dpm2, steps: 5)
        let denoiser = RecordingDenoiser(data)
        _ = try run(.dpm2, levels: levels, denoiser: denoiser)
        let midpoint = denoiser.levels[1]
        #expect(abs(midpoint.sigma - (levels[0].sigma * levels[1].sigma).squareRoot()) < 1e-9 * midpoint.sigma)
        #expect(abs(NoiseSchedule.cosine.sigma(atTimestep: midpoint.timestep) / midpoint.sigma - 1) < 1e-9)
        #expect(midpoint.timestep < levels[0].timestep && midpoint.timestep > levels[1].timestep)
    }

    @Test(arguments: Sampler.allCases)
    func cancellationStopsTheRun(sampler: Sampler) throws {
        let levels = NoiseSchedule.cosine.levels(for: sampler, steps: 10)
        var reported = 0
        var noise = GaussianNoise(seed: 3)
        #expect(throws: CancellationError.self) {
            try DiffusionSampler(sampler).sample(
                from: noise.next(8), levels: levels, denoiser: RecordingDenoiser(data, cancelAt: 4), noise: &noise
            ) { _ in reported += 1 }
        }
        #expect(reported < 4)
    }

    @Test(arguments: Sampler.allCases)
    func stoppingBeforeCleanReturnsTheLastEstimate(sampler: Sampler) throws {
        let levels = Array(NoiseSchedule.cosine.levels(for: sampler, steps: 10)[0...6])
        var noise = GaussianNoise(seed: 3)
        var last: [Float] = []
        let result = try DiffusionSampler(sampler).sample(
            from: noise.next(8).map { $0 * Float(levels[0].sigma) }, levels: levels, denoiser: data, noise: &noise
        ) { last = $0.denoised }
        #expect(!last.isEmpty && result == last)
    }

    @Test func aSingleLevelReturnsTheStartUnchanged() throws {
        let denoiser = RecordingDenoiser(data)
        var noise = GaussianNoise(seed: 3)
        var reported = 0
        let start: [Float] = [0.25, -0.5, 1]
        let result = try DiffusionSampler(.heun).sample(
            from: start, levels: [.clean], denoiser: denoiser, noise: &noise
        ) { _ in reported += 1 }
        #expect(result == start && reported == 0 && denoiser.levels.isEmpty)
    }

    @Test func ancestralStepSplitsTheNextNoiseLevel() {
        for (sigma, next) in [(20291.0, 31.5), (2, 1), (0.5, 0.01), (1, 0)] {
            let step = AncestralStep(from: sigma, to: next)
            #expect(abs(step.down * step.down + step.up * step.up - next * next) <= 1e-12 * max(1, next * next))
            #expect(step.down <= next && step.up <= next)
        }
    }

    @Test func lmsCoefficientsIntegrateTheLagrangeBasis() {
        let sigmas = NoiseSchedule.cosine.levels(for: .lms, steps: 12).map(\.sigma)
        for i in 0..<(sigmas.count - 1) {
            let order = min(i + 1, 4)
            let coefficients = LinearMultistep.coefficients(sigmas: sigmas, step: i, order: order)
            let (a, b) = (sigmas[i], sigmas[i + 1])
            for j in 0..<order {
                func basis(_ tau: Double) -> Double {
                    (0..<order).filter { $0 != j }.reduce(1.0) { $0 * (tau - sigmas[i - $1]) / (sigmas[i - j] - sigmas[i - $1]) }
                }
                // Simpson's rule is exact for polynomials up to degree 3.
                let simpson = (b - a) / 6 * (basis(a) + 4 * basis((a + b) / 2) + basis(b))
                #expect(abs(coefficients[j] - simpson) <= 1e-9 * max(1, abs(simpson)))
            }
            // The basis sums to 1, so the weights sum to the interval's length.
            #expect(abs(coefficients.reduce(0, +) - (b - a)) <= 1e-9 * abs(b - a))
        }
    }
}
