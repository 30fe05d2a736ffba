/// A single-line text being edited, with readline's keys: arrows, Home/End, Ctrl-A/E/U/K/W/D,
/// Alt-B/F. The cursor counts graphemes, so wide characters and emoji move as one.
public struct TextInput: Sendable, Equatable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public mutating func replace(with text: String) {
        self.text = text
        cursor = text.count
    }

    public mutating func insert(_ string: String) {
        let clean = string.filter { !$0.isNewline && $0 != "\t" && !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        text.insert(contentsOf: clean, at: index(cursor))
        cursor += clean.count
    }

    /// Applies an editing key; false when the key is not an editing key (the caller handles it).
    public mutating func handle(_ key: Key, _ modifiers: Modifiers) -> Bool {
        switch (key, modifiers) {
        case (.left, []), (.character("b"), [.control]): cursor = max(0, cursor - 1)
        case (.right, []), (.character("f"), [.control]): cursor = min(text.count, cursor + 1)
        case (.home, _), (.character("a"), [.control]): cursor = 0
        case (.end, _), (.character("e"), [.control]): cursor = text.count
        case (.character("b"), [.alt]), (.left, [.control]), (.left, [.alt]): cursor = wordStart(before: cursor)
        case (.character("f"), [.alt]), (.right, [.control]), (.right, [.alt]): cursor = wordEnd(after: cursor)
        case (.backspace, _), (.character("h"), [.control]):
            guard cursor > 0 else { return true }
            remove(from: cursor - 1, to: cursor)
        case (.delete, _), (.character("d"), [.control]):
            guard cursor < text.count else { return true }
            remove(from: cursor, to: cursor + 1)
        case (.character("u"), [.control]): remove(from: 0, to: cursor)
        case (.character("k"), [.control]): remove(from: cursor, to: text.count)
        case (.character("w"), [.control]), (.backspace, [.alt]): remove(from: wordStart(before: cursor), to: cursor)
        case (.character("d"), [.alt]): remove(from: cursor, to: wordEnd(after: cursor))
        case (.character(let character), let mods) where mods.isSubset(of: [.shift]):
            insert(String(character))
        default:
            return false
        }
        return true
    }

    private mutating func remove(from start: Int, to end: Int) {
        guard start < end else { return }
        text.removeSubrange(index(start)..<index(end))
        cursor = start
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(offset, 0), text.count))
    }

    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index > 0, !characters[index - 1].isLetterOrDigit { index -= 1 }
        while index > 0, characters[index - 1].isLetterOrDigit { index -= 1 }
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
