import Foundation

/// Why a Fireworks request failed, with a description that says what happened and what to do next.
/// Server messages inside are already cleaned of control characters and of the API key.
public enum FireworksError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidBaseURL(String)
    /// HTTP 401.
    case unauthorized
    /// HTTP 402: not on a paid plan, or over the account's usage limits.
    case paymentRequired(message: String)
    /// HTTP 403.
    case forbidden(message: String)
    /// HTTP 412: the account is suspended or past its monthly spending limit (or a LoRA failed to load).
    case preconditionFailed(message: String)
    /// HTTP 400, 404 and other 4xx answers that retrying cannot fix.
    case rejected(status: Int, message: String)
    /// HTTP 413; `upload` is the image sent with the request, if there was one.
    case payloadTooLarge(upload: FireworksUpload?)
    /// HTTP 429 on every attempt.
    case rateLimited(attempts: Int)
    /// HTTP 408 or 5xx on every attempt.
    case serverTrouble(status: Int, reason: String, attempts: Int)
    /// The server's `Retry-After` asked for a longer wait than `RetryPolicy.maxRetryAfter`.
    case retryAfterTooLong(status: Int, wait: Duration, retryAt: Date)
    /// A status the contract does not mention (3xx, 501 ...).
    case unexpectedStatus(status: Int, message: String)
    /// One attempt took longer than the request timeout.
    case timedOut(after: Duration)
    case cannotConnect(baseURL: String, detail: String, attempts: Int)
    /// The connection closed before the answer began.
    case connectionLost(detail: String)
    /// The secure (TLS) connection could not be made; `reason` in words, never BoringSSL's text.
    case insecureConnection(baseURL: String, reason: String)
    /// The connection closed partway through the answer.
    case answerCutShort(received: Int, expected: Int?)
    case answerTooLarge(limit: Int)
    /// HTTP 200 whose image is not the format announced, or is incomplete.
    case invalidImage(ImageCodecError, finishReason: FinishReason)
    /// HTTP 200 whose body Sparkler cannot read (bad JSON, no images, bad base64, unknown finish reason).
    case unreadableAnswer(String)
    case transport(String)
    /// FLUX Kontext refused the request (`Request Moderated`) or the picture it made (`Content Moderated`).
    case moderated(ModerationStage, requestID: String, details: String?)
    /// FLUX Kontext answered `Error` for the request.
    case workflowFailed(requestID: String, details: String?)
    /// FLUX Kontext no longer knows the request (`Task not found`).
    case taskNotFound(requestID: String)
    /// The picture was not ready within the bound on the whole wait; `requestID` is nil when even the
    /// submission did not finish.
    case workflowTimedOut(requestID: String?, after: Duration, lastStatus: String?)
    /// The picture was ready but its signed URL did not give it: expired (403, 404, 410) or failed.
    case sampleUnavailable(requestID: String, status: Int, expired: Bool)

    /// Which check FLUX Kontext's moderation stopped at.
    public enum ModerationStage: String, Sendable, Equatable {
        case request
        case content
    }

    /// The Kontext request id the error is about, for history and for asking Fireworks about it.
    public var requestID: String? {
        switch self {
        case .moderated(_, let id, _), .workflowFailed(let id, _), .taskNotFound(let id), .sampleUnavailable(let id, _, _): id
        case .workflowTimedOut(let id, _, _): id
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidBaseURL(let url):
            "The Fireworks base URL \"\(url)\" is not an http or https URL: fix FIREWORKS_API_BASE or the base URL in config.toml."
        case .unauthorized:
            "Fireworks refused the API key (HTTP 401): check FIREWORKS_API_KEY or the key in config.toml."
        case .paymentRequired(let message):
            "Fireworks will not bill this request (HTTP 402): \(message) The account is not on a paid plan or is over "
                + "its usage limits: check billing and the payment method at https://fireworks.ai/account/billing."
        case .preconditionFailed(let message):
            "Fireworks refused the request (HTTP 412): \(message) The account may be suspended or past its monthly "
                + "spending limit (or a LoRA failed to load): check the account's status and billing at "
                + "https://fireworks.ai/account/billing."
        case .forbidden(let message):
            "Fireworks does not permit this request (HTTP 403): \(message) Check that your Fireworks account has access."
        case .rejected(404, let message):
            "Fireworks does not know this model or endpoint (HTTP 404): \(message)"
        case .rejected(let status, let message):
            "Fireworks rejected the request (HTTP \(status)): \(message)"
        case .payloadTooLarge(let upload?):
            "Fireworks refused the \(upload.role) \(upload.fileName) (\(upload.byteCount) bytes) as too large (HTTP 413): "
                + "send a smaller or more compressed image."
        case .payloadTooLarge(nil):
            "Fireworks refused the request as too large (HTTP 413): shorten the prompt."
        case .rateLimited(let attempts):
            "Fireworks rate limited the request (HTTP 429), still after \(Self.attempts(attempts)): wait a minute and try again."
        case .serverTrouble(408, let reason, let attempts):
            "Fireworks timed out on its side (HTTP 408 \(reason)), still after \(Self.attempts(attempts)): "
                + "try again later, perhaps with fewer steps or samples."
        case .serverTrouble(let status, let reason, let attempts):
            "Fireworks had server trouble (HTTP \(status) \(reason)), still after \(Self.attempts(attempts)): try again later."
        case .retryAfterTooLong(let status, let wait, let retryAt):
            "Fireworks asks to wait \(Self.seconds(wait)) before trying again (HTTP \(status)): "
                + "try again after \(Self.clockTime(retryAt))."
        case .unexpectedStatus(let status, let message):
            "Fireworks answered HTTP \(status): \(message)"
        case .timedOut(let limit):
            "Got no answer from Fireworks within \(Self.seconds(limit)): try again, or allow a longer request timeout."
        case .cannotConnect(let baseURL, let detail, let attempts):
            "Could not reach Fireworks at \(baseURL) (\(detail)) in \(Self.attempts(attempts)): "
                + "check the network, or FIREWORKS_API_BASE if you set it."
        case .connectionLost(let detail):
            "Fireworks closed the connection before answering (\(detail)): try again."
        case .insecureConnection(let baseURL, let reason):
            "Could not make a secure connection to \(baseURL): \(reason). Check FIREWORKS_API_BASE, and any proxy that intercepts HTTPS."
        case .answerCutShort(let received, let expected?):
            "The answer was cut short: the connection closed after \(received) of \(expected) bytes. Try again."
        case .answerCutShort(let received, nil):
            "The answer was cut short: the connection closed after \(received) bytes. Try again."
        case .answerTooLarge(let limit):
            "Fireworks sent more than \(limit) bytes, more than any image answer needs: check FIREWORKS_API_BASE."
        case .invalidImage(let error, let finishReason):
            (finishReason == .contentFiltered
                ? "Fireworks answered HTTP 200 and marked the image CONTENT_FILTERED, but " : "Fireworks answered HTTP 200, but ")
                + error.description + " Nothing was kept: try again, and check FIREWORKS_API_BASE if it keeps happening."
        case .unreadableAnswer(let detail):
            "Fireworks answered HTTP 200 with something Sparkler cannot read: \(detail). Try again."
        case .transport(let detail):
            "The request to Fireworks failed: \(detail)."
        case .moderated(.request, let id, let details):
            "FLUX Kontext's moderation refused the request (Request Moderated\(Self.details(details))): reword the prompt, "
                + "or use another picture to edit. Request \(id)."
        case .moderated(.content, let id, let details):
            "FLUX Kontext made the picture but its moderation withheld it (Content Moderated\(Self.details(details))): "
                + "try another prompt or seed. Request \(id)."
        case .workflowFailed(let id, let details):
            "FLUX Kontext failed to make the picture (Error\(Self.details(details))): try again. Request \(id)."
        case .taskNotFound(let id):
            "Fireworks no longer knows request \(id) (Task not found): it may have expired; send it again."
        case .workflowTimedOut(let id?, let limit, let status):
            "The picture was not ready within \(Self.seconds(limit))\(status.map { " (last status: \($0))" } ?? ""): "
                + "allow longer with --timeout, or try again later. Request \(id) may still finish and be billed."
        case .workflowTimedOut(nil, let limit, _):
            "Fireworks did not accept the request within \(Self.seconds(limit)): try again, or allow longer with --timeout."
        case .sampleUnavailable(let id, let status, true):
            "The picture was ready but its link had expired when fetched (HTTP \(status)): send the request again. Request \(id)."
        case .sampleUnavailable(let id, let status, false):
            "The picture was ready but could not be downloaded (HTTP \(status)): send the request again. Request \(id)."
        }
    }

    private static func details(_ text: String?) -> String {
        text.map { ": \($0)" } ?? ""
    }

    private static func attempts(_ count: Int) -> String {
        count == 1 ? "1 attempt" : "\(count) attempts"
    }

    static func seconds(_ duration: Duration) -> String {
        RequestValidator.format((duration.inSeconds * 10).rounded() / 10) + " s"
    }

    private static func clockTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = date.timeIntervalSinceNow < 20 * 3600 ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
