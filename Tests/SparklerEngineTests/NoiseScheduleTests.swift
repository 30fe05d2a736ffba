import Foundation
import SparklerCore
import Testing
@testable import SparklerEngine

@Suite struct NoiseScheduleTests {
    let schedule = NoiseSchedule.cosine

    @Test func alphasCumprodMatchesTheTrainingSchedule() throws {
        let reference = try NumpyArray(contentsOf: ModelFiles.fixture("alphas_cumprod.npy")).doubles
        #expect(schedule.alphasCumprod.count == reference.count)
        let worst = zip(schedule.alphasCumprod, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-12)
    }

    @Test func sigmaAtIntegerTimestepsIsTheTableValue() throws {
        let reference = try NumpyArray(contentsOf: ModelFiles.fixture("alphas_cumprod.npy")).doubles
        for t in [0, 1, 500, 998, 999] {
            let expected = ((1 - reference[t]) / reference[t]).squareRoot()
            #expect(abs(schedule.sigma(atTimestep: Double(t)) / expected - 1) < 1e-9)
        }
        #expect(abs(schedule.sigma(atTimestep: 999) - 20291) < 1)
        #expect(abs(schedule.sigma(atTimestep: 0) - 0.0064) < 0.0001)
    }

    @Test func sigmaBetweenTimestepsInterpolatesLogSigma() {
        let low = schedule.sigma(atTimestep: 10)
        let high = schedule.sigma(atTimestep: 11)
        let quarter = schedule.sigma(atTimestep: 10.25)
        #expect(abs(log(quarter) - (0.75 * log(low) + 0.25 * log(high))) < 1e-12)
        #expect(schedule.sigma(atTimestep: -3) == schedule.sigma(atTimestep: 0))
        #expect(schedule.sigma(atTimestep: 1200) == schedule.sigma(atTimestep: 999))
    }

    @Test(arguments: [0, 0.25, 1, 17.5, 500.3, 998.9, 999])
    func levelInvertsSigma(timestep: Double) {
        let sigma = schedule.sigma(atTimestep: timestep)
        let level = schedule.level(sigma: sigma)
        #expect(level.sigma == sigma)
        #expect(abs(level.timestep - timestep) < 1e-6)
    }

    @Test func levelClampsAndKnowsClean() {
        #expect(schedule.level(sigma: 0) == .clean)
        #expect(schedule.level(sigma: 1e6).timestep == 999)
        #expect(schedule.level(sigma: 1e-6).timestep == 0)
    }

    @Test func ddimTimestepsMatchTheReferenceSampler() throws {
        let reference = try NumpyArray(contentsOf: ModelFiles.fixture("ddim_timesteps.npy")).integers
        for sampler in [Sampler.ddim, .ddpm] {
            let levels = schedule.levels(for: sampler, steps: 20)
            #expect(levels.count == 21 && levels.last == .clean)
            #expect(levels.dropLast().map { Int($0.timestep) } == reference)
            for level in levels.dropLast() {
                #expect(level.timestep == level.timestep.rounded())
                #expect(level.sigma == schedule.sigma(atTimestep: level.timestep))
            }
        }
    }

    @Test func ddimTimestepsRoundHalvesToEvenLikePython() {
        // n = 16: 1000 - 1 * 62.5 = 937.5 rounds to 938, 1000 - 3 * 62.5 = 812.5 rounds to 812.
        let timesteps = schedule.levels(for: .ddim, steps: 16).map(\.timestep)
        #expect(timesteps[1] == 937)
        #expect(timesteps[3] == 811)
    }

    @Test(arguments: [1, 2, 10, 25])
    func kDiffusionLevelsDescendEvenlyInTimestepToClean(steps: Int) {
        for sampler in Sampler.allCases where sampler != .ddim && sampler != .ddpm {
            let levels = schedule.levels(for: sampler, steps: steps)
            #expect(levels.count == steps + 1)
            #expect(levels.last == .clean)
            #expect(abs(levels[0].timestep - schedule.samplerStart) < 1e-9)
            #expect(abs(levels[0].sigma - NoiseSchedule.samplerMaxSigma) < 1e-6)
            #expect(zip(levels, levels.dropFirst()).allSatisfy { $0.sigma > $1.sigma })
            guard steps > 1 else { continue }
            #expect(levels[steps - 1].timestep == 0)
            let spacing = schedule.samplerStart / Double(steps - 1)
            for (a, b) in zip(levels.dropLast(), levels.dropLast().dropFirst()) {
                #expect(abs(a.timestep - b.timestep - spacing) < 1e-9)
            }
            for level in levels.dropLast() {
                #expect(level.sigma == schedule.sigma(atTimestep: level.timestep))
            }
        }
    }
}
