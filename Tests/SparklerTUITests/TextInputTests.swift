import Testing
@testable import SparklerTUI

@Suite struct TextInputTests {
    private func edit(_ text: String, _ keys: [(Key, Modifiers)]) -> TextInput {
        var input = TextInput(text)
        for (key, modifiers) in keys { _ = input.handle(key, modifiers) }
        return input
    }

    @Test func readlineKeys() {
        #expect(edit("a sunset", [(.character("a"), [.control]), (.character("k"), [.control])]).text == "")
        #expect(edit("a red fox", [(.character("w"), [.control])]).text == "a red ")
        #expect(edit("a red fox", [(.character("b"), [.alt]), (.character("u"), [.control])]).text == "fox")
        let moved = edit("a red fox", [(.home, []), (.character("f"), [.alt]), (.character("f"), [.alt])])
        #expect(moved.cursor == 5)
        #expect(edit("abc", [(.left, []), (.backspace, [])]).text == "ac")
        #expect(edit("abc", [(.home, []), (.delete, [])]).text == "bc")
        #expect(edit("abc", [(.character("e"), [.control]), (.character("d"), [])]).text == "abcd")
    }

    @Test func wideCharactersAndEmojiMoveAsOne() {
        var input = TextInput("灯台🌅")
        _ = input.handle(.backspace, [])
        #expect(input.text == "灯台")
        _ = input.handle(.left, [])
        input.insert("の")
        #expect(input.text == "灯の台")
    }

    @Test func controlCharactersAreNeverInserted() {
        var input = TextInput()
        input.insert("a\u{1B}[31mb\n")
        #expect(input.text == "a[31mb")
    }
}
