/// A single-line text being edited with readline's keys (see `TextEditCommand`): motion, kills into the
/// kill ring that every field shares (its owner passes it in), Ctrl-Y and Alt-Y yanking back from it, and
/// undo. The cursor counts graphemes, so wide characters and emoji move as one.
public struct TextInput: Sendable, Equatable {
    public private(set) var text: String
    public private(set) var cursor: Int
    private var history = EditHistory()
    private var lastEdit = LastEdit.other

    /// What the previous key did, which decides what the next one does: typing continues one undo
    /// step, a kill joins the previous kill, Alt-Y replaces what was just yanked. A kill and a yank hold
    /// the shared ring's `changes` after them: another field's kill in between breaks the chain.
    private enum LastEdit {
        case typing, kill(ring: Int), yank(Range<Int>, ring: Int), other
    }

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Two inputs are equal when they hold the same text and cursor: how they were edited (undo steps,
    /// the last kill) is not part of what a form holds.
    public static func == (lhs: TextInput, rhs: TextInput) -> Bool {
        lhs.text == rhs.text && lhs.cursor == rhs.cursor
    }

    /// Puts other text in the field (a recalled prompt, a loaded entry); undo brings back what was there.
    public mutating func replace(with text: String) {
        guard text != self.text else { return }
        recordUndo()
        self.text = text
        cursor = text.count
        lastEdit = .other
    }

    /// Inserts text at the cursor as one undo step, without line breaks, tabs or control characters.
    public mutating func insert(_ string: String) {
        let clean = Self.printable(string)
        guard !clean.isEmpty else { return }
        recordUndo()
        insertAtCursor(clean)
        lastEdit = .other
    }

    /// Applies an editing key, killing into and yanking from `killRing`; false when the key is not an
    /// editing key (the caller handles it).
    public mutating func handle(_ key: Key, _ modifiers: Modifiers, killRing: inout KillRing) -> Bool {
        guard let command = TextEditCommand(key, modifiers) else { return false }
        apply(command, killRing: &killRing)
        return true
    }

    private mutating func apply(_ command: TextEditCommand, killRing: inout KillRing) {
        switch command {
        case .type(let character): type(character)
        case .moveLeft: move(to: cursor - 1)
        case .moveRight: move(to: cursor + 1)
        case .moveToStart: move(to: 0)
        case .moveToEnd: move(to: text.count)
        case .moveWordBackward: move(to: wordStart(before: cursor))
        case .moveWordForward: move(to: wordEnd(after: cursor))
        case .deleteBackward: delete(cursor - 1..<cursor)
        case .deleteForward: delete(cursor..<cursor + 1)
        case .killToStart: kill(0..<cursor, backward: true, into: &killRing)
        case .killToEnd: kill(cursor..<text.count, backward: false, into: &killRing)
        case .killSpaceWordBackward: kill(spaceWordStart(before: cursor)..<cursor, backward: true, into: &killRing)
        case .killWordBackward: kill(wordStart(before: cursor)..<cursor, backward: true, into: &killRing)
        case .killWordForward: kill(cursor..<wordEnd(after: cursor), backward: false, into: &killRing)
        case .yank: yank(from: killRing)
        case .yankPop: yankPop(from: &killRing)
        case .undo: undo()
        }
    }

    private mutating func type(_ character: Character) {
        let clean = Self.printable(String(character))
        guard !clean.isEmpty else { return }
        if case .typing = lastEdit {} else { recordUndo() }
        insertAtCursor(clean)
        lastEdit = .typing
    }

    private mutating func move(to position: Int) {
        cursor = min(max(position, 0), text.count)
        lastEdit = .other
    }

    private mutating func delete(_ range: Range<Int>) {
        lastEdit = .other
        guard range.lowerBound >= 0, range.upperBound <= text.count else { return }
        recordUndo()
        remove(range)
    }

    private mutating func kill(_ range: Range<Int>, backward: Bool, into killRing: inout KillRing) {
        defer { lastEdit = .kill(ring: killRing.changes) }
        guard !range.isEmpty else { return }
        let continuesKill = if case .kill(let ring) = lastEdit { ring == killRing.changes } else { false }
        killRing.add(String(Array(text)[range]), joiningPrevious: continuesKill, before: backward)
        recordUndo()
        remove(range)
    }

    private mutating func yank(from killRing: KillRing) {
        guard let killed = killRing.top else { return }
        recordUndo()
        let start = cursor
        insertAtCursor(killed)
        lastEdit = .yank(start..<cursor, ring: killRing.changes)
    }

    /// Only straight after this field's yank: swaps the yanked text for the next older kill.
    private mutating func yankPop(from killRing: inout KillRing) {
        guard case .yank(let yanked, let ring) = lastEdit, ring == killRing.changes else { return }
        killRing.rotate()
        guard let killed = killRing.top else { return }
        recordUndo()
        remove(yanked)
        insertAtCursor(killed)
        lastEdit = .yank(yanked.lowerBound..<cursor, ring: killRing.changes)
    }

    private mutating func undo() {
        lastEdit = .other
        guard let previous = history.popLast() else { return }
        text = previous.text
        cursor = previous.cursor
    }

    private mutating func recordUndo() {
        history.record(EditHistory.Snapshot(text: text, cursor: cursor))
    }

    private mutating func insertAtCursor(_ string: String) {
        let before = text[..<index(cursor)] + string
        text.insert(contentsOf: string, at: index(cursor))
        // A joiner or skin tone typed after an emoji joins it: the cursor counts what now stands before it.
        cursor = min(before.count, text.count)
    }

    private mutating func remove(_ range: Range<Int>) {
        text.removeSubrange(index(range.lowerBound)..<index(range.upperBound))
        cursor = range.lowerBound
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(offset, 0), text.count))
    }

    private static func printable(_ string: String) -> String {
        string.filter { !$0.isNewline && $0 != "\t" && !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
    }

    private func wordStart(before position: Int) -> Int {
        start(before: position, inWord: \.isLetterOrDigit)
    }

    private func spaceWordStart(before position: Int) -> Int {
        start(before: position) { !$0.isWhitespace }
    }

    private func start(before position: Int, inWord: (Character) -> Bool) -> Int {
        let characters = Array(text)
        var index = position
        while index > 0, !inWord(characters[index - 1]) { index -= 1 }
        while index > 0, inWord(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index < characters.count, !characters[index].isLetterOrDigit { index += 1 }
        while index < characters.count, characters[index].isLetterOrDigit { index += 1 }
        return index
    }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
