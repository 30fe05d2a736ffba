import Foundation
import Testing
@testable import SparklerEngine

/// The Swift network against the PyTorch reference, on the fixtures `training/export.py` wrote from the
/// same float16 weights: a caption, a noisy picture at t = 500, every probed activation and the output.
@Suite struct UNetParityTests {
    static let model = Result { try EngineModel(folder: ModelFiles.folder) }

    func fixture(_ name: String) throws -> NumpyArray { try NumpyArray(contentsOf: ModelFiles.fixture("\(name).npy")) }

    func largestDifference(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "sizes differ: \(a.count) vs \(b.count)")
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    func captionIDs() throws -> [Int32] { try fixture("tokens").integers.map(Int32.init) }

    func noisyPicture(batch: Int) throws -> FeatureMap {
        let x = try fixture("x").values
        return FeatureMap(batchMajor: Array([[Float]](repeating: x, count: batch).joined()), batch: batch, channels: 3, height: 32, width: 32)
    }

    @Test func textEncoderMatchesReference() throws {
        let network = try Self.model.get().network()
        let context = network.text.encode(try captionIDs())
        #expect(largestDifference(context.values, try fixture("text_ctx").values) < 1e-4)
        let empty = network.text.encode(Array(repeating: 0, count: 20))
        #expect(largestDifference(empty.values, try fixture("text_ctx_empty").values) < 1e-4)
    }

    @Test func timeEmbeddingMatchesReference() throws {
        let network = try Self.model.get().network()
        #expect(largestDifference(network.timeEmbedding(500), try fixture("temb").values) < 1e-4)
    }

    @Test func everyProbedActivationAndTheOutputMatchReference() throws {
        let network = try Self.model.get().network()
        var probes: [String: FeatureMap] = [:]
        let output = network.predictVelocity(
            try noisyPicture(batch: 1), timestep: 500, captions: [network.prepare(try captionIDs())], workspace: Workspace()
        ) { probes[$0] = $1 }
        #expect(Set(probes.keys) == ["conv_in", "down0", "down1_attn", "mid_attn", "up1_attn", "up0"])
        for (name, map) in probes {
            let reference = try fixture("act_\(name)")
            #expect(reference.shape == [1, map.channels, map.height, map.width], "\(name)")
            let difference = largestDifference(map.batchMajorValues, reference.values)
            #expect(difference < 5e-5, "\(name) differs by \(difference)")
        }
        #expect(largestDifference(output.batchMajorValues, try fixture("unet_out").values) < 2e-5)
    }

    @Test func conditionalAndUnconditionalBatchedTogetherMatchEachReference() throws {
        let network = try Self.model.get().network()
        let captions = [network.prepare(try captionIDs()), network.prepare(Array(repeating: 0, count: 20))]
        let output = network.predictVelocity(try noisyPicture(batch: 2), timestep: 500, captions: captions, workspace: Workspace())
        let values = output.batchMajorValues
        #expect(largestDifference(Array(values[0..<3072]), try fixture("unet_out").values) < 2e-5)
        #expect(largestDifference(Array(values[3072...]), try fixture("unet_out_empty").values) < 1e-4)
        // Guidance would be meaningless if the caption changed nothing.
        #expect(largestDifference(Array(values[0..<3072]), Array(values[3072...])) > 1e-2)
    }
}
