import Foundation

/// Earlier prompts for the prompt field, as a shell's history: ↑ walks back, ↓ forward again, and past the
/// newest the draft that was being typed comes back; Ctrl-R searches them as readline's reverse search does.
public struct PromptRecall: Sendable, Equatable {
    /// A reverse search in progress: what is typed, and which earlier prompt matches it.
    public struct Search: Sendable, Equatable {
        public var query = TextInput()
        /// Index in `prompts` of the prompt shown; nil: none matches (yet).
        public fileprivate(set) var match: Int?
        fileprivate var draft: String
    }

    /// Newest first.
    public var prompts: [String] = []
    /// Which earlier prompt the field shows; nil: the draft.
    public private(set) var index: Int?
    public private(set) var search: Search?
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

    /// A prompt just sent is history's newest at once: ↑ finds it (and the hint shows) before history is read again.
    public mutating func remember(_ prompt: String) {
        guard !prompt.isEmpty else { return }
        prompts.removeAll { $0 == prompt }
        prompts.insert(prompt, at: 0)
    }

    /// The field is left or its prompt sent: the next ↑ starts again from the newest, and a search ends
    /// with the prompt it found.
    public mutating func reset() {
        index = nil
        search = nil
    }

    // MARK: Reverse search

    /// Ctrl-R: starts a search from `current` (given back if the search is cancelled), or, during one, looks
    /// for an older prompt that matches. Returns the prompt to show; nil: no (older) match.
    public mutating func searchOlder(from current: String) -> String? {
        guard var search else {
            search = Search(draft: current)
            return nil
        }
        defer { self.search = search }
        let start = (search.match ?? -1) + 1
        guard let found = firstMatch(of: search.query.text, from: start) else { return nil }
        search.match = found
        return prompts[found]
    }

    /// The query changed: the newest prompt that matches it, if any.
    public mutating func searchQueryChanged(_ query: TextInput) -> String? {
        guard var search else { return nil }
        defer { self.search = search }
        search.query = query
        search.match = query.text.isEmpty ? nil : firstMatch(of: query.text, from: 0)
        return search.match.map { prompts[$0] }
    }

    /// Keeps the prompt found in the field and ends the search.
    public mutating func acceptSearch() {
        search = nil
        index = nil
    }

    /// Ends the search; returns the text the field held when it began.
    public mutating func cancelSearch() -> String? {
        defer { search = nil }
        return search?.draft
    }

    /// Case-insensitive: a prompt is prose, and its capitals are not what one remembers of it.
    private func firstMatch(of query: String, from start: Int) -> Int? {
        guard !query.isEmpty, start < prompts.count else { return nil }
        return prompts[start...].firstIndex { $0.range(of: query, options: .caseInsensitive) != nil }
    }
}
