/// What a backend reports while a request runs, for spinners, status lines and live previews.
public enum GenerationProgress: Sendable, Equatable {
    /// A retryable failure happened; the next attempt starts after `delay`.
    case retrying(attempt: Int, delay: Duration, reason: String)
    /// A denoising step finished (backends that run the model themselves), with the current estimate
    /// of the finished picture when the backend has one.
    case step(Int, of: Int, preview: RGBAImage? = nil)
    /// A request that runs on the server's own time (FLUX Kontext) was accepted as `requestID` and is in
    /// `status` (`Pending` ...), `fraction` done when the server says.
    case waiting(requestID: String, status: String, fraction: Double?)
}

/// Prompt words a backend's model cannot use as written: unknown to its vocabulary, past its length limit,
/// or read as a known word they are close to.
public struct PromptCoverage: Sendable, Equatable {
    public var unknownWords: [String]
    public var truncatedWords: [String]
    public var mappedWords: [WordMapping]

    public init(unknownWords: [String] = [], truncatedWords: [String] = [], mappedWords: [WordMapping] = []) {
        self.unknownWords = unknownWords
        self.truncatedWords = truncatedWords
        self.mappedWords = mappedWords
    }

    public var isComplete: Bool { unknownWords.isEmpty && truncatedWords.isEmpty }

    /// "unknown to sparkler-tiny: dragon, castle; past its 20-word limit: ..." or nil when every word counts.
    public func summary(model: String) -> String? {
        var parts: [String] = []
        if !mappedWords.isEmpty { parts.append("read by \(model) as: " + mappedWords.map(\.description).joined(separator: ", ")) }
        if !unknownWords.isEmpty { parts.append("unknown to \(model) (ignored): " + unknownWords.joined(separator: ", ")) }
        if !truncatedWords.isEmpty { parts.append("past its word limit (dropped): " + truncatedWords.joined(separator: " ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
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

    /// The name history records for pictures of `model` (a backend that routes between others says which).
    func name(for model: ModelCapabilities) -> String

    /// Whether pictures of `model` made here are paid for (Fireworks), so that their cost is recorded.
    func bills(for model: ModelCapabilities) -> Bool

    /// Which words of `prompt` the model will not see. Fireworks' models read any text.
    func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage

    /// What `model` understands, when it understands only some words (the offline engine); nil: any text.
    func guide(for model: ModelCapabilities) -> ModelGuide?

    /// Releases connections or threads; requests made afterwards fail.
    func shutdown() async
}

extension ImageBackend {
    public func name(for model: ModelCapabilities) -> String { name }
    public func bills(for model: ModelCapabilities) -> Bool { false }
    public func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage { PromptCoverage() }
    public func guide(for model: ModelCapabilities) -> ModelGuide? { nil }
    public func shutdown() async {}
}
