import Foundation

/// Decides, for one failed attempt, whether to try again (and after how long) or to give up with
/// which error.
struct FailureTriage: Sendable {
    enum Decision: Sendable, Equatable {
        case retry(after: Duration, reason: String)
        case fail(FireworksError)
    }

    let policy: RetryPolicy
    let baseURL: String
    let requestTimeout: Duration
    let upload: FireworksUpload?
    let text: ServerText

    /// - Parameters:
    ///   - attempt: the attempt that failed, 1 for the first.
    ///   - jitter: 0..<1, spreads the backoff.
    func decide(_ response: ReceivedResponse, attempt: Int, jitter: Double, now: Date = Date()) -> Decision {
        let status = response.status
        let message = text.clean(FireworksErrorBody.message(in: response.body) ?? response.reason)
        guard RetryPolicy.retryableStatuses.contains(status) else {
            return .fail(finalError(status: status, message: message))
        }
        let requested = response.header("retry-after").flatMap { RetryAfter.delay(from: $0, now: now) }
        if let requested, requested > policy.maxRetryAfter {
            let (seconds, _) = requested.components
            return .fail(.retryAfterTooLong(status: status, wait: requested, retryAt: now.addingTimeInterval(Double(seconds))))
        }
        guard attempt <= policy.maxRetries else {
            return .fail(
                status == 429
                    ? .rateLimited(attempts: attempt)
                    : .serverTrouble(status: status, reason: response.reason, attempts: attempt)
            )
        }
        let delay = requested ?? policy.backoff(beforeRetry: attempt, jitter: jitter)
        return .retry(after: delay, reason: "HTTP \(status) \(response.reason)")
    }

    func decide(_ failure: TransportFailure, attempt: Int, jitter: Double) -> Decision {
        switch failure {
        case .cannotConnect(let detail):
            let detail = text.clean(detail)
            guard attempt <= policy.maxRetries else {
                return .fail(.cannotConnect(baseURL: text.clean(baseURL), detail: detail, attempts: attempt))
            }
            return .retry(after: policy.backoff(beforeRetry: attempt, jitter: jitter), reason: "could not connect (\(detail))")
        case .hostNotFound:
            return .fail(.cannotConnect(baseURL: text.clean(baseURL), detail: "host name not found", attempts: attempt))
        case .timedOut:
            return .fail(.timedOut(after: requestTimeout))
        case .connectionLost(let detail):
            return .fail(.connectionLost(detail: text.clean(detail)))
        case .answerCutShort(let received, let expected):
            return .fail(.answerCutShort(received: received, expected: expected))
        case .answerTooLarge(let limit):
            return .fail(.answerTooLarge(limit: limit))
        case .insecure(let reason):
            return .fail(.insecureConnection(baseURL: text.clean(baseURL), reason: reason))
        case .other(let detail):
            return .fail(.transport(text.clean(detail)))
        }
    }

    private func finalError(status: Int, message: String) -> FireworksError {
        switch status {
        case 401: .unauthorized
        case 402: .paymentRequired(message: message)
        case 412: .preconditionFailed(message: message)
        case 403: .forbidden(message: message)
        case 413: .payloadTooLarge(upload: upload)
        case 400..<500: .rejected(status: status, message: message)
        default: .unexpectedStatus(status: status, message: message)
        }
    }
}
