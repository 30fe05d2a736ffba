import Foundation
import Testing
@testable import SparklerEngine

/// A whole DDIM run (20 steps, guidance 5) from the reference's starting noise against `training/sample.py`.
@Suite struct SamplerRunParityTests {
    func fixture(_ name: String) throws -> NumpyArray { try NumpyArray(contentsOf: ModelFiles.fixture("\(name).npy")) }

    @Test func ddimRunMatchesTheReferencePicture() throws {
        let model = try UNetParityTests.model.get()
        let ids = try fixture("ddim_tokens").integers.map(Int32.init)
        let denoiser = GuidedDenoiser(
            network: try model.network(), conditional: ids, unconditional: model.tokenizer.emptyCaption, guidance: 5,
            height: 32, width: 32, isCancelled: { false }
        )
        let schedule = NoiseSchedule.cosine
        let levels = schedule.levels(for: .ddim, steps: 20)
        let start = try fixture("ddim_noise").values.map { $0 * Float(levels[0].sigma) }
        var noise = GaussianNoise(seed: 1)
        var previews: [[Float]] = []
        let x = try DiffusionSampler(.ddim, schedule: schedule).sample(
            from: start, levels: levels, denoiser: denoiser, noise: &noise
        ) { previews.append($0.denoised) }
        let final = try fixture("ddim_final").values
        let difference = zip(x, final).map { abs($0 - $1) }.max()!
        #expect(difference < 2e-3, "largest difference from the reference picture: \(difference)")
        // The reference's last step lands on its x0 estimate, which is what the last preview shows.
        #expect(previews.count == 20 && previews.last == x)
        #expect(denoiser.networkEvaluations == 20)
    }
}
