import Testing
@testable import SparklerTUI

@Suite struct TextInputTests {
    private static let ctrl: Modifiers = [.control]
    private static let alt: Modifiers = [.alt]

    private func edit(_ text: String, _ keys: [(Key, Modifiers)]) -> TextInput {
        var input = TextInput(text)
        var ring = KillRing()
        for (key, modifiers) in keys { _ = input.handle(key, modifiers, killRing: &ring) }
        return input
    }

    private func typing(_ text: String) -> [(Key, Modifiers)] {
        text.map { (.character($0), []) }
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
        #expect(edit("abc", [(.home, []), (.character("f"), [.control]), (.character("f"), [.control]), (.character("b"), [.control])]).cursor == 1)
    }

    /// Terminals send an emoji sequence one character at a time: a joiner or skin tone joins the emoji before
    /// the cursor, which stays after the whole sequence.
    @Test func anEmojiSequenceTypedACharacterAtATimeStaysOneGraphemeBeforeTheCursor() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let keys = [(Key.home, Modifiers())] + family.unicodeScalars.map { (Key.character(Character($0)), Modifiers()) }
            + [(.character("\u{1F44D}"), []), (.character("\u{1F3FD}"), [])]
        let typed = edit("ab", keys)
        #expect(typed.text == family + "\u{1F44D}\u{1F3FD}ab")
        #expect(typed.cursor == 2)
    }

    @Test func wordMotionWithCtrlAndAltArrows() {
        #expect(edit("a red fox", [(.left, [.control])]).cursor == 6)
        #expect(edit("a red fox", [(.left, [.control]), (.left, [.alt])]).cursor == 2)
        #expect(edit("a red fox", [(.home, []), (.right, [.control])]).cursor == 1)
        #expect(edit("a red fox", [(.home, []), (.right, [.alt]), (.right, [.alt])]).cursor == 5)
    }

    @Test func ctrlWTakesAWholePathAndAltBackspaceOnePartOfIt() {
        #expect(edit("in ~/pics/fox.png", [(.character("w"), Self.ctrl)]).text == "in ")
        #expect(edit("in ~/pics/fox.png", [(.backspace, Self.alt)]).text == "in ~/pics/fox.")
        #expect(edit("in ~/pics/fox.png", [(.backspace, Self.ctrl)]).text == "in ~/pics/fox.")
        #expect(edit("~/pics/fox.png", [(.home, []), (.character("d"), Self.alt)]).text == "/fox.png")
    }

    @Test func altDAndCtrlDeleteKillTheNextWord() {
        #expect(edit("a red fox", [(.home, []), (.character("d"), Self.alt)]).text == " red fox")
        #expect(edit("a red fox", [(.home, []), (.character("d"), Self.alt), (.character("d"), Self.alt)]).text == " fox")
        #expect(edit("a red fox", [(.home, []), (.right, []), (.delete, Self.ctrl)]).text == "a fox")
    }

    @Test func ctrlYYanksTheLastKill() {
        let input = edit("a red fox", [(.character("w"), Self.ctrl), (.home, []), (.character("y"), Self.ctrl)])
        #expect(input.text == "foxa red ")
        #expect(input.cursor == 3)
        #expect(edit("abc", [(.character("y"), Self.ctrl)]).text == "abc")
    }

    @Test func consecutiveKillsJoinInTheOrderTheTextStood() {
        // Two Ctrl-W kill "red fox" as one entry, read forwards.
        let backward = edit("a red fox", [(.character("w"), Self.ctrl), (.character("w"), Self.ctrl), (.character("y"), Self.ctrl)])
        #expect(backward.text == "a red fox")
        // Alt-D twice, then Ctrl-K: one entry, "a red fox".
        let forward = edit("a red fox", [
            (.home, []), (.character("d"), Self.alt), (.character("d"), Self.alt), (.character("k"), Self.ctrl),
            (.character("y"), Self.ctrl), (.character("y"), Self.ctrl),
        ])
        #expect(forward.text == "a red foxa red fox")
    }

    @Test func killsApartAreSeparateEntries() {
        // Kill "fox", move, kill "a": the motion between ends the first kill, so Ctrl-Y yanks "a" alone.
        let input = edit("a red fox", [
            (.character("w"), Self.ctrl), (.home, []), (.character("d"), Self.alt), (.end, []), (.character("y"), Self.ctrl),
        ])
        #expect(input.text == " red a")
    }

    @Test func altYAfterAYankSwapsInOlderKills() {
        var input = TextInput("one two three")
        var ring = KillRing()
        for key in [(Key.character("w"), Self.ctrl), (.left, []), (.character("w"), Self.ctrl), (.left, []), (.character("w"), Self.ctrl)] {
            _ = input.handle(key.0, key.1, killRing: &ring)
        }
        // Killed "three", then "two" and "one" with a motion between each: three entries, "one" newest.
        #expect(input.text == "  ")
        _ = input.handle(.end, [], killRing: &ring)
        _ = input.handle(.character("y"), Self.ctrl, killRing: &ring)
        #expect(input.text == "  one")
        _ = input.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(input.text == "  two")
        _ = input.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(input.text == "  three")
        #expect(input.cursor == 7)
        _ = input.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(input.text == "  one")
    }

    @Test func altYDoesNothingUnlessTheLastKeyYanked() {
        let input = edit("a red fox", [(.character("w"), Self.ctrl), (.character("y"), Self.alt)])
        #expect(input.text == "a red ")
        let afterMotion = edit("a red fox", [
            (.character("w"), Self.ctrl), (.character("y"), Self.ctrl), (.left, []), (.character("y"), Self.alt),
        ])
        #expect(afterMotion.text == "a red fox")
    }

    // MARK: One kill ring for every field

    @Test func textKilledInOneFieldIsYankedInAnother() {
        var ring = KillRing()
        var prompt = TextInput("a red fox")
        var negative = TextInput("blurry ")
        _ = prompt.handle(.character("w"), Self.ctrl, killRing: &ring)
        _ = negative.handle(.character("y"), Self.ctrl, killRing: &ring)
        #expect(prompt.text == "a red ")
        #expect(negative.text == "blurry fox")
        #expect(negative.cursor == 10)
    }

    @Test func altYRotatesThroughKillsMadeInOtherFields() {
        var ring = KillRing()
        var prompt = TextInput("a red fox")
        var negative = TextInput("blurry")
        var path = TextInput("")
        _ = prompt.handle(.character("w"), Self.ctrl, killRing: &ring)
        _ = negative.handle(.character("u"), Self.ctrl, killRing: &ring)
        // The newest kill first, then the prompt's older one, then round again.
        _ = path.handle(.character("y"), Self.ctrl, killRing: &ring)
        #expect(path.text == "blurry")
        _ = path.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(path.text == "fox")
        _ = path.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(path.text == "blurry")
    }

    @Test func anotherFieldsKillEndsARunOfKillsAndAltY() {
        var ring = KillRing()
        var prompt = TextInput("a red fox")
        var negative = TextInput("blurry")
        // Ctrl-W in the prompt, Ctrl-U in the negative prompt, Ctrl-W in the prompt again: three kills, none
        // joined, though the prompt's two follow each other there.
        _ = prompt.handle(.character("w"), Self.ctrl, killRing: &ring)
        _ = negative.handle(.character("u"), Self.ctrl, killRing: &ring)
        _ = prompt.handle(.character("w"), Self.ctrl, killRing: &ring)
        #expect(ring.entries == ["red ", "blurry", "fox"])
        // A yank in the prompt, a kill elsewhere, then Alt-Y in the prompt: no longer straight after its yank.
        _ = prompt.handle(.character("y"), Self.ctrl, killRing: &ring)
        var path = TextInput("x")
        _ = path.handle(.character("u"), Self.ctrl, killRing: &ring)
        _ = prompt.handle(.character("y"), Self.alt, killRing: &ring)
        _ = prompt.handle(.character("y"), Self.alt, killRing: &ring)
        #expect(prompt.text == "a red ")
        #expect(ring.top == "x", "the ring is not rotated")
    }

    @Test func undoTakesBackTypedTextAsOneStep() {
        var input = TextInput("a ")
        var ring = KillRing()
        for (key, modifiers) in typing("red fox") { _ = input.handle(key, modifiers, killRing: &ring) }
        _ = input.handle(.character("_"), Self.ctrl, killRing: &ring)
        #expect(input.text == "a ")
        #expect(input.cursor == 2)
    }

    @Test func undoStepsBackThroughEachEdit() {
        var input = TextInput("")
        var ring = KillRing()
        let keys: [(Key, Modifiers)] = typing("red") + [(.left, [])] + typing("X") + [(.backspace, []), (.character("u"), Self.ctrl)]
        for (key, modifiers) in keys { _ = input.handle(key, modifiers, killRing: &ring) }
        #expect(input.text == "d")
        var texts: [String] = []
        for _ in 0..<4 {
            _ = input.handle(.character("z"), Self.ctrl, killRing: &ring)
            texts.append(input.text)
        }
        #expect(texts == ["red", "reXd", "red", ""])
        let handled = input.handle(.character("_"), Self.ctrl, killRing: &ring)
        #expect(handled, "undo with nothing to undo is still an editing key")
        #expect(input.text == "")
    }

    @Test func undoRestoresTheCursorAndCtrlSlashUndoesToo() {
        let input = edit("a red fox", [(.home, []), (.character("k"), Self.ctrl), (.character("/"), Self.ctrl)])
        #expect(input.text == "a red fox")
        #expect(input.cursor == 0)
    }

    @Test func undoBringsBackReplacedTextAndYanks() {
        var input = TextInput("my draft")
        var ring = KillRing()
        input.replace(with: "an earlier prompt")
        _ = input.handle(.character("_"), Self.ctrl, killRing: &ring)
        #expect(input.text == "my draft")
        let yanked = edit("ab", [(.character("w"), Self.ctrl), (.character("y"), Self.ctrl), (.character("y"), Self.ctrl), (.character("_"), Self.ctrl)])
        #expect(yanked.text == "ab")
    }

    @Test func equalityIsTheTextAndCursorNotTheirHistory() {
        let edited = edit("ab", [(.backspace, [])] + typing("b"))
        #expect(edited == TextInput("ab"))
    }

    @Test func nonEditingKeysAreLeftToTheCaller() {
        var input = TextInput("abc")
        var ring = KillRing()
        let handled = [(Key.enter, Modifiers()), (.up, []), (.character("r"), Self.ctrl)].map { input.handle($0.0, $0.1, killRing: &ring) }
        #expect(handled == [false, false, false])
        #expect(input.text == "abc")
    }

    @Test func wideCharactersAndEmojiMoveAsOne() {
        var input = TextInput("灯台🌅")
        var ring = KillRing()
        _ = input.handle(.backspace, [], killRing: &ring)
        #expect(input.text == "灯台")
        _ = input.handle(.left, [], killRing: &ring)
        input.insert("の")
        #expect(input.text == "灯の台")
    }

    @Test func controlCharactersAreNeverInserted() {
        var input = TextInput()
        input.insert("a\u{1B}[31mb\n")
        #expect(input.text == "a[31mb")
    }
}
