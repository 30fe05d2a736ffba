/// The states of a text field that undo (Ctrl-_ or Ctrl-Z) goes back to, newest last.
struct EditHistory: Sendable {
    struct Snapshot: Sendable, Equatable {
        var text: String
        var cursor: Int
    }

    /// Enough for a prompt's worth of edits; the oldest are forgotten first.
    static let capacity = 100

    private var snapshots: [Snapshot] = []

    mutating func record(_ snapshot: Snapshot) {
        guard snapshots.last != snapshot else { return }
        snapshots.append(snapshot)
        if snapshots.count > Self.capacity { snapshots.removeFirst() }
    }

    mutating func popLast() -> Snapshot? {
        snapshots.popLast()
    }
}
