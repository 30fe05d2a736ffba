import Foundation
import SparklerCore
import Testing
@testable import SparklerEngine

/// The weights load in the background while the playground draws: a damaged file is found when they are
/// waited for, named, and what loads without them (the words, the guide) works meanwhile.
@Suite struct EngineWeightsLoadingTests {
    /// A copy of the shipped model whose model.safetensors is cut short.
    private func damagedModel() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sparkler-model-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ModelFiles.folder, to: folder)
        let weights = folder.appending(path: "model.safetensors")
        try Data(try Data(contentsOf: weights).prefix(4096)).write(to: weights)
        return folder
    }

    @Test func damagedWeightsAreNamedWhenWaitedFor() throws {
        let folder = try damagedModel()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = LocalEngineBackend(model: try EngineModel(folder: folder))
        #expect(engine.generator.model.tokenizer.encode("a red circle").unknown.isEmpty, "the words load without the weights")
        #expect(throws: ModelLoadingError.self) { try engine.waitForWeights() }
        do {
            try engine.waitForWeights()
        } catch {
            #expect("\(error)".contains(folder.appending(path: "model.safetensors").path), "\(error)")
            #expect("\(error)".contains("safetensors file is truncated"), "\(error)")
        }
    }

    @Test func soundWeightsLoad() async throws {
        let engine = LocalEngineBackend(model: try EngineModel(folder: ModelFiles.folder))
        try engine.waitForWeights()
        #expect(await engine.startProblem() == nil)
    }

    /// The playground's way of waiting: without holding a thread, and in the words every command uses.
    @Test func damagedWeightsAreTheStartProblem() async throws {
        let folder = try damagedModel()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = LocalEngineBackend(model: try EngineModel(folder: folder))
        let problem = try #require(await engine.startProblem())
        #expect(problem.hasPrefix("The offline engine cannot start: the offline engine's weights in "), "\(problem)")
        #expect(problem.contains(folder.appending(path: "model.safetensors").path), "\(problem)")
        #expect(problem.contains("set SPARKLER_MODEL_DIR to a sound one"), "\(problem)")
    }
}
