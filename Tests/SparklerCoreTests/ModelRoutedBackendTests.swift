import Foundation
import SparklerCore
import Testing

/// The playground's backend with a key: each model's provider decides which backend runs it.
@Suite struct ModelRoutedBackendTests {
    /// Answers with an empty result and remembers which models it was asked to run.
    final class RecordingBackend: ImageBackend, @unchecked Sendable {
        let name: String
        private(set) var models: [String] = []
        private let lock = NSLock()

        init(name: String) { self.name = name }

        func generate(
            _ request: GenerationRequest, model: ModelCapabilities,
            progress: @escaping @Sendable (GenerationProgress) -> Void
        ) async throws -> GenerationResult {
            lock.withLock { models.append(model.id.name) }
            return GenerationResult(images: [], timings: GenerationTimings(total: .zero), stepsBilled: 0)
        }

        func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage {
            PromptCoverage(unknownWords: name == "local" ? ["dragon"] : [])
        }
    }

    let playground = ModelCatalogue().model(named: "playground-v2-1024px-aesthetic")!

    @Test func eachModelRunsOnItsProvidersBackend() async throws {
        let fireworks = RecordingBackend(name: "fireworks"), local = RecordingBackend(name: "local")
        let router = ModelRoutedBackend([.fireworks: fireworks, .local: local])
        _ = try await router.generate(GenerationRequest(prompt: "a fox"), model: playground) { _ in }
        _ = try await router.generate(GenerationRequest(prompt: "a fox"), model: .sparklerTiny) { _ in }
        #expect(fireworks.models == ["playground-v2-1024px-aesthetic"])
        #expect(local.models == ["sparkler-tiny"])
        #expect(router.name(for: playground) == "fireworks")
        #expect(router.name(for: .sparklerTiny) == "local")
        #expect(router.coverage(of: "a dragon", model: .sparklerTiny).unknownWords == ["dragon"])
        #expect(router.coverage(of: "a dragon", model: playground).isComplete)
    }

    @Test func aModelWithoutItsBackendSaysWhatToDo() async throws {
        let router = ModelRoutedBackend([.local: RecordingBackend(name: "local")])
        let error = await #expect(throws: ModelRoutedBackend.UnavailableProvider.self) {
            try await router.generate(GenerationRequest(prompt: "a fox"), model: playground) { _ in }
        }
        #expect(error?.description.contains("FIREWORKS_API_KEY") == true)
    }
}
