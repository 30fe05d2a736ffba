/// What a backend reports while a request runs, for spinners, status lines and live previews.
public enum GenerationProgress: Sendable, Equatable {
    /// A retryable failure happened; the next attempt starts after `delay`.
    case retrying(attempt: Int, delay: Duration, reason: String)
    /// A denoising step finished (backends that run the model themselves).
    case step(Int, of: Int)
}

/// The one seam between front ends and whatever makes pictures.
public protocol ImageBackend: Sendable {
    /// Recorded in history: `fireworks`, `local`.
    var name: String { get }

    /// Makes the pictures a validated request asks for. Cancelling the calling task aborts at once.
    func generate(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult
}
