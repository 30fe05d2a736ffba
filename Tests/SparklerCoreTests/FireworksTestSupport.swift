import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// A test server and a backend pointed at it.
struct FireworksHarness {
    static let apiKey = "fw_TESTKEY_0123456789abcdefXYZ"

    let server: FireworksTestServer
    let backend: FireworksBackend
    let progress = ProgressLog()

    static func start(
        requestTimeout: Duration = .seconds(120), maxRetries: Int = 3, workflowTimeout: Duration = .seconds(120)
    ) async throws -> FireworksHarness {
        let server = try await FireworksTestServer.start(apiKey: apiKey)
        let backend = FireworksBackend(
            configuration: server.configuration(requestTimeout: requestTimeout, maxRetries: maxRetries, workflowTimeout: workflowTimeout)
        )
        return FireworksHarness(server: server, backend: backend)
    }

    func generate(_ request: GenerationRequest, model: ModelCapabilities = TestModels.playground) async throws -> GenerationResult {
        let progress = progress
        return try await backend.generate(request, model: model) { progress.append($0) }
    }

    func stop() async {
        await backend.shutdown()
        await server.shutdown()
    }
}

/// Runs `body` with a fresh harness and always stops it.
func withHarness(
    requestTimeout: Duration = .seconds(120), maxRetries: Int = 3, workflowTimeout: Duration = .seconds(120),
    _ body: (FireworksHarness) async throws -> Void
) async throws {
    let harness = try await FireworksHarness.start(requestTimeout: requestTimeout, maxRetries: maxRetries, workflowTimeout: workflowTimeout)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}

/// Progress events in the order the backend reported them.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [GenerationProgress] = []

    func append(_ event: GenerationProgress) {
        lock.withLock { storage.append(event) }
    }

    var events: [GenerationProgress] { lock.withLock { storage } }

    var retryAttempts: [Int] {
        events.compactMap { if case .retrying(let attempt, _, _) = $0 { attempt } else { nil } }
    }
}

enum TestModels {
    static let playground = ModelCapabilities.stableDiffusionXL(
        ModelID(account: "fireworks", name: "playground-v2-1024px-aesthetic"), displayName: "Playground v2 1024", cfgDefault: 3
    )
    static let fluxSchnell = ModelCapabilities.flux(
        ModelID(account: "fireworks", name: "flux-1-schnell-fp8"), displayName: "FLUX.1 [schnell]", stepsDefault: 4
    )
    static let kontextPro = ModelCapabilities.kontext(ModelID(account: "fireworks", name: "flux-kontext-pro"), displayName: "FLUX.1 Kontext Pro")
}

/// A small text-to-image request: sizes do not matter to these tests, speed does.
func smallRequest(
    format: ImageFormat = .jpeg, samples: Int = 1, seed: Int = 42, mode: GenerationMode = .textToImage
) -> GenerationRequest {
    GenerationRequest(
        prompt: "a lighthouse at dusk", shape: .size(ImageSize(width: 64, height: 48)), cfgScale: 7, steps: 20,
        seed: seed, samples: samples, format: format, mode: mode
    )
}

/// The outcome of `body`, for tests that must clean up whatever happens.
func capture<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
