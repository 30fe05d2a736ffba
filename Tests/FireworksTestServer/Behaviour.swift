import Foundation

/// How the test server answers one request.
public indirect enum Behaviour: Sendable {
    /// Speak the contract: validate the request and answer with real images (the default).
    case answer(AnswerOptions = AnswerOptions())
    /// `status` with a Fireworks-style JSON error body, and a `Retry-After` header when given.
    case status(Int, message: String? = nil, retryAfter: String? = nil)
    /// `status` with an HTML page, as a proxy in front of the API would send.
    case htmlPage(status: Int)
    /// A real image whose `Content-Length` promises all its bytes, but only `sendBytes` are sent
    /// before the connection closes (nil: half of them).
    case truncatedImage(sendBytes: Int? = nil)
    /// HTTP 200 with an image content type, but `body` instead of an image.
    case notAnImage(body: String = "<html><body><h1>Welcome to nginx!</h1></body></html>")
    /// Anything at all.
    case raw(status: Int, headers: [String: String] = [:], body: Data = Data())
    /// Waits, then behaves as `then`.
    case delayed(Duration, then: Behaviour)
    /// Waits until the test opens `gate`, then behaves as `then`.
    case held(Gate, then: Behaviour)
    /// Reads the request and never answers; the connection stays open until the client gives up.
    case hang

    /// A blank (black) image with `Finish-Reason: CONTENT_FILTERED`.
    public static var contentFiltered: Behaviour {
        .answer(AnswerOptions(finishReason: "CONTENT_FILTERED"))
    }
}

/// Variations on a contract-following answer.
public struct AnswerOptions: Sendable {
    /// `SUCCESS` or `CONTENT_FILTERED`; a filtered answer's images are black.
    public var finishReason: String
    /// Prefix JSON base64 images with `data:image/...;base64,`.
    public var dataURLPrefix: Bool
    /// Send `Finish-Reason` and `Seed` with lower-case names, to check case-insensitive reading.
    public var lowercaseHeaderNames: Bool
    /// Leave out the `Finish-Reason` header (absent means SUCCESS).
    public var omitFinishReason: Bool
    /// Value of the `fireworks-server-processing-time` header, in seconds.
    public var serverProcessingTime: String?

    public init(
        finishReason: String = "SUCCESS", dataURLPrefix: Bool = false, lowercaseHeaderNames: Bool = false,
        omitFinishReason: Bool = false, serverProcessingTime: String? = nil
    ) {
        self.finishReason = finishReason
        self.dataURLPrefix = dataURLPrefix
        self.lowercaseHeaderNames = lowercaseHeaderNames
        self.omitFinishReason = omitFinishReason
        self.serverProcessingTime = serverProcessingTime
    }
}
