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
        if rect.height == 1 { return drawRow(in: &frame, rect: rect, style: style, theme: theme) }
        let (lines, cursorLine, cursorColumn) = wrap(width: rect.width)
        let first = max(0, cursorLine - rect.height + 1)
        let marks = markedCharacters()
        var lineStart = lines.prefix(first).reduce(0) { $0 + $1.count }
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            put(line, from: lineStart, marks: marks, in: &frame, x: rect.x, y: rect.y + offset, limit: rect.width, style: style, theme: theme)
            lineStart += line.count
        }
        guard focused else { return nil }
        return (rect.x + cursorColumn, rect.y + cursorLine - first)
    }

    /// A one-row field scrolls sideways around the cursor instead of wrapping.
    private func drawRow(in frame: inout Frame, rect: Rect, style: Style, theme: Theme) -> (x: Int, y: Int)? {
        let characters = Array(input.text)
        let window = TextFieldWindow(widths: characters.map { max(CharacterWidth.of($0), 1) }, cursor: input.cursor, width: rect.width)
        var markerStyle = theme.fieldPlaceholder
        markerStyle.background = style.background
        var x = rect.x
        if window.cutBefore {
            frame.put(TextFieldWindow.marker, x: x, y: rect.y, style: markerStyle, limit: 1)
            x += 1
        }
        let shown = String(characters[window.visible])
        let used = put(shown, from: window.visible.lowerBound, marks: markedCharacters(), in: &frame, x: x, y: rect.y,
                       limit: rect.x + rect.width - x, style: style, theme: theme)
        if window.cutAfter {
            frame.put(TextFieldWindow.marker, x: min(x + used, rect.x + rect.width - 1), y: rect.y, style: markerStyle, limit: 1)
        }
        guard focused else { return nil }
        return (rect.x + window.cursorColumn, rect.y)
    }

    /// Puts one row of the text, whose first character is the text's `firstIndex`th, with marked words in
    /// their style; returns the columns it took.
    @discardableResult
    private func put(
        _ line: String, from firstIndex: Int, marks: Set<Int>, in frame: inout Frame, x: Int, y: Int, limit: Int, style: Style, theme: Theme
    ) -> Int {
        frame.put(DisplayTextInField.clean(line), x: x, y: y, style: style, limit: limit)
        var column = 0
        for (index, character) in line.enumerated() {
            if marks.contains(firstIndex + index) {
                var markStyle = theme.unknownWord
                markStyle.background = style.background
                frame.put(String(character), x: x + column, y: y, style: markStyle, limit: limit - column)
            }
            column += max(CharacterWidth.of(character), 1)
        }
        return column
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
