import SparklerGraphics

/// A text input drawn over one or more rows, wrapping at the width and scrolled so that the
/// cursor stays visible. Returns where the cursor is, for the terminal cursor.
struct TextFieldView {
    var input: TextInput
    var placeholder: String
    var focused: Bool
    /// Words (lowercase, letters a-z) drawn in the theme's unknown-word style: words the model does not know.
    var markedWords: Set<String> = []

    @discardableResult
    func draw(in frame: inout Frame, rect: Rect, theme: Theme) -> (x: Int, y: Int)? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        let style = focused ? theme.fieldFocused : theme.field
        frame.fill(rect, style: style)
        if input.text.isEmpty {
            var placeholderStyle = theme.fieldPlaceholder
            placeholderStyle.background = style.background
            frame.put(placeholder, x: rect.x, y: rect.y, style: placeholderStyle, limit: rect.width)
            return focused ? (rect.x, rect.y) : nil
        }
        let (lines, cursorLine, cursorColumn) = wrap(width: rect.width)
        let first = max(0, cursorLine - rect.height + 1)
        let marks = markedCharacters()
        var lineStart = lines.prefix(first).reduce(0) { $0 + $1.count }
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            frame.put(DisplayTextInField.clean(line), x: rect.x, y: rect.y + offset, style: style, limit: rect.width)
            var column = 0
            for (index, character) in line.enumerated() {
                if marks.contains(lineStart + index) {
                    var markStyle = theme.unknownWord
                    markStyle.background = style.background
                    frame.put(String(character), x: rect.x + column, y: rect.y + offset, style: markStyle, limit: rect.width - column)
                }
                column += max(CharacterWidth.of(character), 1)
            }
            lineStart += line.count
        }
        guard focused else { return nil }
        return (rect.x + cursorColumn, rect.y + cursorLine - first)
    }

    /// Indexes of the characters of marked words, split into words the way the offline engine's
    /// tokenizer does (runs of letters a-z, case-insensitive).
    private func markedCharacters() -> Set<Int> {
        guard !markedWords.isEmpty else { return [] }
        var marked = Set<Int>()
        var word = "", start = 0
        func close(at end: Int) {
            if markedWords.contains(word) { marked.formUnion(start..<end) }
            word = ""
        }
        for (index, character) in input.text.enumerated() {
            let lower = character.lowercased()
            if lower.count == 1, let scalar = lower.unicodeScalars.first, lower.unicodeScalars.count == 1, ("a"..."z").contains(scalar) {
                if word.isEmpty { start = index }
                word += lower
            } else if !word.isEmpty {
                close(at: index)
            }
        }
        if !word.isEmpty { close(at: input.text.count) }
        return marked
    }

    /// Breaks the text into rows of at most `width` columns; the cursor may sit after the last character.
    private func wrap(width: Int) -> ([String], Int, Int) {
        var lines = [""]
        var column = 0
        var cursor = (line: 0, column: 0)
        for (index, character) in input.text.enumerated() {
            if index == input.cursor { cursor = (lines.count - 1, column) }
            let columns = max(CharacterWidth.of(character), 1)
            if column + columns > width {
                lines.append("")
                column = 0
                if index == input.cursor { cursor = (lines.count - 1, 0) }
            }
            lines[lines.count - 1].append(character)
            column += columns
        }
        if input.cursor >= input.text.count {
            if column >= width {
                lines.append("")
                cursor = (lines.count - 1, 0)
            } else {
                cursor = (lines.count - 1, column)
            }
        }
        return (lines, cursor.line, cursor.column)
    }
}

/// Characters typed into fields are already free of controls (TextInput filters them), but text
/// loaded from history is not: clean it without collapsing the spaces the user typed.
enum DisplayTextInField {
    static func clean(_ text: String) -> String {
        String(text.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
    }
}
