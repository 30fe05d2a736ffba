import Foundation
import SparklerGraphics
import Testing
@testable import SparklerTUI

@Suite struct TextFieldWindowTests {
    private let theme = ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme

    private func window(_ text: String, cursor: Int, width: Int) -> TextFieldWindow {
        TextFieldWindow(widths: text.map { max(CharacterWidth.of($0), 1) }, cursor: cursor, width: width)
    }

    /// The field drawn alone in a one-row frame, and where the cursor is.
    private func drawn(_ text: String, cursor: Int, width: Int) -> (row: String, cursor: Int?) {
        var input = TextInput(text)
        var ring = KillRing()
        for _ in 0..<(text.count - cursor) { _ = input.handle(.left, [], killRing: &ring) }
        var frame = Frame(width: width, height: 1)
        let position = TextFieldView(input: input, placeholder: "path", focused: true).draw(in: &frame, rect: Rect(x: 0, y: 0, width: width, height: 1), theme: theme)
        return (frame.text.trimmingCharacters(in: .whitespacesAndNewlines), position?.x)
    }

    @Test func textThatFitsIsShownWhole() {
        #expect(window("abc", cursor: 3, width: 4) == TextFieldWindow(visible: 0..<3, cutBefore: false, cutAfter: false, cursorColumn: 3))
        #expect(window("abcd", cursor: 1, width: 4) == TextFieldWindow(visible: 0..<4, cutBefore: false, cutAfter: false, cursorColumn: 1))
    }

    @Test func theCursorAtTheEndShowsTheEndAfterAMarker() {
        #expect(window("abcdefghij", cursor: 10, width: 6) == TextFieldWindow(visible: 6..<10, cutBefore: true, cutAfter: false, cursorColumn: 5))
    }

    @Test func theCursorAtTheStartShowsTheStartBeforeAMarker() {
        #expect(window("abcdefghij", cursor: 0, width: 6) == TextFieldWindow(visible: 0..<5, cutBefore: false, cutAfter: true, cursorColumn: 0))
    }

    @Test func theCursorInTheMiddleShowsBothSidesOfIt() {
        #expect(window("abcdefghij", cursor: 5, width: 6) == TextFieldWindow(visible: 4..<8, cutBefore: true, cutAfter: true, cursorColumn: 2))
    }

    @Test func wideCharactersCountTwoColumns() {
        let shown = window("灯台灯台灯台", cursor: 6, width: 6)
        #expect(shown.visible == 4..<6)
        #expect(shown.cursorColumn == 5)
    }

    @Test func aLongPathShowsWhereTheCursorIsWithEllipsesAtTheCutSides() {
        let path = "/home/someone/pictures/2026/holidays/lighthouse-at-dusk.png"
        let atEnd = drawn(path, cursor: path.count, width: 24)
        #expect(atEnd.row == "…lighthouse-at-dusk.png")
        #expect(atEnd.cursor == 24 - 1)
        let atStart = drawn(path, cursor: 0, width: 24)
        #expect(atStart.row == "/home/someone/pictures/…")
        #expect(atStart.cursor == 0)
        let inside = drawn(path, cursor: 23, width: 24)
        #expect(inside.row.hasPrefix("…") && inside.row.hasSuffix("…"))
        #expect(inside.row.contains("pictures/2026"))
        #expect(inside.cursor.map { Array(inside.row)[$0] } == "2")
    }
}

private extension TextFieldWindow {
    init(visible: Range<Int>, cutBefore: Bool, cutAfter: Bool, cursorColumn: Int) {
        self.init(widths: [], cursor: 0, width: 1)
        self.visible = visible
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
        self.cursorColumn = cursorColumn
    }
}
