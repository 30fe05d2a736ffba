/// Earlier prompts for ↑/↓ in the prompt field, as a shell's history: ↑ walks back, ↓ forward again, and
/// past the newest the draft that was being typed comes back.
public struct PromptRecall: Sendable, Equatable {
    /// Newest first.
    public var prompts: [String] = []
    /// Which earlier prompt the field shows; nil: the draft.
    public private(set) var index: Int?
    private var draft = ""

    public init() {}

    /// The text the prompt field shows after stepping back (`1`) or forward (`-1`) from `current`; nil when
    /// nothing changes (no earlier prompts, or ↓ on the draft itself).
    public mutating func step(_ step: Int, from current: String) -> String? {
        guard !prompts.isEmpty, step > 0 || index != nil else { return nil }
        if index == nil { draft = current }
        let next = (index ?? -1) + step
        if next < 0 {
            index = nil
            return draft
        }
        index = min(next, prompts.count - 1)
        return prompts[index!]
    }

    /// The field is being edited or left: the next ↑ starts again from the newest.
    public mutating func reset() { index = nil }
}
