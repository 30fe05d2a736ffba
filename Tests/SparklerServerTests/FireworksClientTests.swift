import Foundation
import SparklerCore
import SparklerEngine
import Testing

/// Sparkler's own Fireworks client, pointed at the server, gets what the engine makes in process.
@Suite struct FireworksClientTests {
    func client(_ server: TestServer) -> FireworksBackend {
        var configuration = FireworksConfiguration(apiKey: "unused", baseURL: server.baseURL)
        configuration.retryPolicy.maxRetries = 0
        return FireworksBackend(configuration: configuration)
    }

    func model(_ path: String) throws -> ModelCapabilities {
        try #require(TestServer.models.models.first { $0.id.path == path })
    }

    @Test(arguments: [1, 2])
    func sparklerTinyGivesTheEnginesBytes(samples: Int) async throws {
        try await withServer { server in
            let model = try model(TestServer.tiny)
            let request = try RequestValidator.validate(GenerationRequest(
                model: TestServer.tiny, prompt: "a red circle on a blue background", shape: .size(ImageSize(width: 64, height: 64)),
                steps: 3, seed: 17, samples: samples, format: .jpeg
            ), for: model)
            let backend = client(server)
            let served = try await backend.generate(request, model: model) { _ in }
            await backend.shutdown()
            let local = try await TestServer.engine.get().generate(request, model: model) { _ in }
            #expect(served.images.map(\.data) == local.images.map(\.data))
            #expect(served.images.map(\.seed) == local.images.map(\.seed))
        }
    }

    @Test func theServersMessageReachesTheClient() async throws {
        try await withServer { server in
            var model = try model(TestServer.tiny)
            model.sizes.append(ImageSize(width: 128, height: 128))
            let request = try RequestValidator.validate(GenerationRequest(
                model: TestServer.tiny, prompt: "a red circle", shape: .size(ImageSize(width: 128, height: 128)), steps: 1
            ), for: model)
            let backend = client(server)
            await #expect {
                try await backend.generate(request, model: model) { _ in }
            } throws: { error in
                String(describing: error).contains("size 128x128 is not allowed")
            }
            await backend.shutdown()
        }
    }
}
