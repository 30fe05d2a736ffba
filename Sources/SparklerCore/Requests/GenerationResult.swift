import Foundation

/// How a generated image finished: Fireworks' `Finish-Reason`.
public enum FinishReason: String, Sendable, Codable {
    case success = "SUCCESS"
    case contentFiltered = "CONTENT_FILTERED"
}

/// One picture as a backend returned it, already checked to decode as its format.
public struct GeneratedImage: Sendable, Equatable {
    public var data: Data
    public var format: ImageFormat
    public var size: ImageSize
    public var seed: Int
    public var finishReason: FinishReason

    public init(data: Data, format: ImageFormat, size: ImageSize, seed: Int, finishReason: FinishReason) {
        self.data = data
        self.format = format
        self.size = size
        self.seed = seed
        self.finishReason = finishReason
    }
}

/// Where the time went for one request.
public struct GenerationTimings: Sendable, Equatable {
    /// Wall time from the first attempt to the last byte, retries and waits included.
    public var total: Duration
    /// How many attempts were made (1 when nothing was retried).
    public var attempts: Int
    /// What the server reported as its own processing time, when it did.
    public var server: Duration?

    public init(total: Duration, attempts: Int = 1, server: Duration? = nil) {
        self.total = total
        self.attempts = attempts
        self.server = server
    }
}

/// A backend's answer: the images, the seed used, how they finished, and what it cost.
public struct GenerationResult: Sendable, Equatable {
    public var images: [GeneratedImage]
    public var timings: GenerationTimings
    public var stepsBilled: Int
    /// The server's id for a request that ran on its own time (FLUX Kontext's `request_id`).
    public var requestID: String?

    public init(images: [GeneratedImage], timings: GenerationTimings, stepsBilled: Int, requestID: String? = nil) {
        self.images = images
        self.timings = timings
        self.stepsBilled = stepsBilled
        self.requestID = requestID
    }

    /// The seed of the first image: for one sample, the seed used.
    public var seed: Int? { images.first?.seed }
    public var finishReason: FinishReason? { images.first?.finishReason }
}
