/// Text removed by the kill keys (Ctrl-K, Ctrl-U, Ctrl-W, Alt-D, Alt-Backspace), newest first, for
/// Ctrl-Y to put back and Alt-Y to swap for an older one. One ring for every text field, as readline has
/// one: text killed in the prompt can be yanked into the negative prompt or a path.
public struct KillRing: Sendable {
    /// readline's `kill-ring-max` default.
    static let capacity = 10

    private(set) var entries: [String] = []
    /// Counts the changes, so that a field can tell whether the ring is still as its own last kill or yank
    /// left it: a kill in another field in between starts a new entry, and Alt-Y does nothing.
    private(set) var changes = 0

    public init() {}

    var top: String? { entries.first }

    /// A new kill, or one that continues the previous kill: readline joins consecutive kills into one
    /// entry, in the order the text stood.
    mutating func add(_ text: String, joiningPrevious: Bool, before: Bool) {
        guard !text.isEmpty else { return }
        changes += 1
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
        changes += 1
        entries.append(entries.removeFirst())
    }
}
