import Foundation
import Logging

/// Makes pictures with Fireworks' serverless image models over HTTPS (FIREWORKS_API.md).
///
/// Holds its own HTTP client: call `shutdown()` when done (the client is also shut down when the
/// backend is released). Retries 408, 429 and 5xx answers and failed connections, which cannot have
/// reached the server; never retries an answer that arrived, because the work may have been billed.
public final class FireworksBackend: ImageBackend {
    public let name = "fireworks"
    public let configuration: FireworksConfiguration
    private let transport: FireworksTransport
    private let logger: Logger

    public init(configuration: FireworksConfiguration, logger: Logger = Logger(label: "sparkler.fireworks")) {
        self.configuration = configuration
        self.logger = logger
        transport = FireworksTransport(
            connectTimeout: configuration.connectTimeout, requestTimeout: configuration.requestTimeout
        )
    }

    public func bills(for model: ModelCapabilities) -> Bool { true }

    /// Closes pooled connections. Requests made afterwards fail.
    public func shutdown() async {
        await transport.shutdown()
    }

    /// - Throws: `FireworksError`, or `CancellationError` when the calling task is cancelled.
    ///   `progress` receives `.retrying(attempt:delay:reason:)` with the number of the attempt about to start,
    ///   and for FLUX Kontext `.waiting(requestID:status:fraction:)` while the server works.
    public func generate(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        let encoded = try FireworksRequestEncoder.encode(request, model: model, configuration: configuration)
        let sender = RetryingSender(transport: transport, triage: triage(upload: encoded.upload), logger: logger)
        if model.family == .kontext {
            return try await KontextWorkflow(sender: sender, configuration: configuration, model: model)
                .run(request, submission: encoded, progress: progress)
        }
        let expectsJSON = FireworksRequestEncoder.accept(for: request, model: model) == "application/json"
        let clock = ContinuousClock()
        let started = clock.now
        let (response, attempts) = try await sender.send(encoded, progress: progress)
        let images = try FireworksAnswerDecoder.images(in: response, for: request, expectsJSON: expectsJSON)
        return GenerationResult(
            images: images,
            timings: GenerationTimings(total: clock.now - started, attempts: attempts, server: Self.serverTime(response)),
            stepsBilled: (request.steps ?? model.steps.defaultValue) * images.count
        )
    }

    private func triage(upload: FireworksUpload?) -> FailureTriage {
        FailureTriage(
            policy: configuration.retryPolicy, baseURL: configuration.baseURL,
            requestTimeout: configuration.requestTimeout, upload: upload,
            text: ServerText(redacting: configuration.apiKey)
        )
    }

    /// `fireworks-server-processing-time`, in seconds, when the server reports it.
    private static func serverTime(_ response: ReceivedResponse) -> Duration? {
        guard let value = response.header("fireworks-server-processing-time"),
              let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }
}
