/// Text removed by the kill keys (Ctrl-K, Ctrl-U, Ctrl-W, Alt-D, Alt-Backspace), newest first, for
/// Ctrl-Y to put back and Alt-Y to swap for an older one, as readline's kill ring does.
struct KillRing: Sendable {
    /// readline's `kill-ring-max` default.
    static let capacity = 10

    private(set) var entries: [String] = []

    var top: String? { entries.first }

    /// A new kill, or one that continues the previous kill: readline joins consecutive kills into one
    /// entry, in the order the text stood.
    mutating func add(_ text: String, joiningPrevious: Bool, before: Bool) {
        guard !text.isEmpty else { return }
        if joiningPrevious, let newest = entries.first {
            entries[0] = before ? text + newest : newest + text
        } else {
            entries.insert(text, at: 0)
            if entries.count > Self.capacity { entries.removeLast() }
        }
    }

    /// The next older entry becomes the top; the newest goes to the end.
    mutating func rotate() {
        guard entries.count > 1 else { return }
        entries.append(entries.removeFirst())
    }
}
