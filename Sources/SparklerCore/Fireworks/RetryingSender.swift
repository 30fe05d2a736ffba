import Foundation
import Logging

/// Sends one request until it gets an answer to keep, retrying what `FailureTriage` says may be retried
/// (408, 429, 5xx, failed connections), and throws the `FireworksError` for anything else.
struct RetryingSender: Sendable {
    let transport: FireworksTransport
    let triage: FailureTriage
    let logger: Logger

    /// The 2xx answer and the number of attempts it took.
    func send(
        _ encoded: EncodedRequest, progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> (response: ReceivedResponse, attempts: Int) {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            logger.debug("\(encoded.method) \(Self.path(of: encoded.url)) attempt \(attempt)")
            let decision: FailureTriage.Decision
            do {
                let response = try await transport.send(encoded)
                logger.debug("HTTP \(response.status), \(response.body.count) bytes")
                if (200..<300).contains(response.status) { return (response, attempt) }
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

    /// The URL's path, to keep log lines short (and signed URLs' signatures out of logs).
    private static func path(of url: String) -> String {
        URLComponents(string: url)?.path ?? url
    }
}
