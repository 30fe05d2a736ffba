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

    /// Closes pooled connections. Requests made afterwards fail.
    public func shutdown() async {
        await transport.shutdown()
    }

    /// - Throws: `FireworksError`, or `CancellationError` when the calling task is cancelled.
    ///   `progress` receives `.retrying(attempt:delay:reason:)` with the number of the attempt about to start.
    public func generate(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        let encoded = try FireworksRequestEncoder.encode(request, model: model, configuration: configuration)
        let expectsJSON = FireworksRequestEncoder.accept(for: request, model: model) == "application/json"
        let triage = FailureTriage(
            policy: configuration.retryPolicy, baseURL: configuration.baseURL,
            requestTimeout: configuration.requestTimeout, upload: encoded.upload,
            text: ServerText(redacting: configuration.apiKey)
        )
        let clock = ContinuousClock()
        let started = clock.now
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            logger.debug("POST \(Self.path(of: encoded.url)) attempt \(attempt)")
            let decision: FailureTriage.Decision
            do {
                let response = try await transport.send(encoded)
                logger.debug("HTTP \(response.status), \(response.body.count) bytes")
                if (200..<300).contains(response.status) {
                    let images = try FireworksAnswerDecoder.images(in: response, for: request, expectsJSON: expectsJSON)
                    return GenerationResult(
                        images: images,
                        timings: GenerationTimings(
                            total: clock.now - started, attempts: attempt, server: Self.serverTime(response)
                        ),
                        stepsBilled: (request.steps ?? model.steps.defaultValue) * images.count
                    )
                }
                decision = triage.decide(response, attempt: attempt, jitter: Double.random(in: 0..<1))
            } catch let failure as TransportFailure {
                logger.debug("transport failure: \(failure)")
                decision = triage.decide(failure, attempt: attempt, jitter: Double.random(in: 0..<1))
            }
            switch decision {
            case .fail(let error):
                throw error
            case .retry(let delay, let reason):
                logger.debug("retrying after \(delay): \(reason)")
                progress(.retrying(attempt: attempt + 1, delay: delay, reason: reason))
                try await Task.sleep(for: delay)
            }
        }
    }

    /// `fireworks-server-processing-time`, in seconds, when the server reports it.
    private static func serverTime(_ response: ReceivedResponse) -> Duration? {
        guard let value = response.header("fireworks-server-processing-time"),
              let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }

    /// The URL's path, to keep log lines short.
    private static func path(of url: String) -> String {
        URLComponents(string: url)?.path ?? url
    }
}
