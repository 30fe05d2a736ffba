@testable import SparklerGraphics
@testable import SparklerTUI
import Testing

/// Emoji sequences are laid out in the columns the terminal was measured to give them (`EmojiWidths`).
@Suite("Emoji sequence widths")
struct EmojiWidthTests {
    private let family: Character = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
    private let heart: Character = "\u{2764}\u{FE0F}"
    private let thumb: Character = "\u{1F44D}\u{1F3FD}"
    private let keycap: Character = "1\u{FE0F}\u{20E3}"
    private let flag: Character = "\u{1F1F3}\u{1F1F4}"
    /// What tmux 3.3a answered: a skin-toned thumb is its two pictures side by side, the others narrow.
    private let tmux = EmojiWidths([.joined: 2, .flag: 2, .keycap: 1, .skinTone: 4, .presentationSelector: 1])

    @Test func everySampleIsOfItsOwnKind() {
        for kind in EmojiSequence.allCases {
            let sample = kind.sample
            #expect(sample.count == 1, "\(kind) is one grapheme")
            #expect(EmojiSequence(Character(sample)) == kind)
        }
    }

    @Test func plainCharactersAndMarkedLettersAreNoSequence() {
        for character: Character in ["a", "日", "\u{1F600}", "e\u{301}", "\u{1F600}\u{FE0F}", "\u{1F1F3}"] {
            #expect(EmojiSequence(character) == nil, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func measuredWidthsOfOneOrTwoColumnsAreUsedAndCursesWritesWhatItCountsAlike() {
        func drawing(_ character: Character, _ widths: EmojiWidths) -> GraphemeDrawing {
            CharacterWidth.drawing(of: character, kind: EmojiSequence(character)!, widths: widths)
        }
        // A heart with U+FE0F: curses counts it by the heart, one column, as tmux does.
        #expect(drawing(heart, tmux) == GraphemeDrawing(columns: 1, curses: heart))
        #expect(drawing(keycap, tmux) == GraphemeDrawing(columns: 1, curses: keycap))
        // Where the terminal draws it wide, curses would count one: the painter draws it over two blanks.
        #expect(drawing(heart, .unicode) == GraphemeDrawing(columns: 2, curses: nil))
        // curses cannot keep a joined family in one cell at all.
        #expect(drawing(family, tmux) == GraphemeDrawing(columns: 2, curses: nil))
        #expect(drawing(flag, tmux) == GraphemeDrawing(columns: 2, curses: nil))
    }

    @Test func aKindMeasuredOutsideOneOrTwoColumnsIsDrawnAsAStandIn() {
        func drawing(_ character: Character, _ widths: EmojiWidths) -> GraphemeDrawing {
            CharacterWidth.drawing(of: character, kind: EmojiSequence(character)!, widths: widths)
        }
        #expect(drawing(thumb, tmux) == GraphemeDrawing(columns: 2, curses: "\u{1F44D}"))
        // Not measured (a terminal that did not answer): stand-ins every terminal counts alike.
        #expect(drawing(heart, EmojiWidths()) == GraphemeDrawing(columns: 1, curses: "\u{2764}"))
        #expect(drawing(family, EmojiWidths()) == GraphemeDrawing(columns: 2, curses: "\u{1F468}"))
        #expect(drawing(flag, EmojiWidths()) == GraphemeDrawing(columns: 1, curses: "\u{2690}"))
    }

    @Test func theMeasurementPrintsEachSampleAtTheLineStartAsksWhereTheCursorIsAndErases() {
        let sequence = TerminalQuery.emojiMeasurement
        for kind in EmojiSequence.allCases {
            #expect(sequence.contains("\r\(kind.sample)\u{1B}[6n"))
        }
        #expect(sequence.hasSuffix("\r\u{1B}[K"))
    }

    @Test func cursorReportsBecomeWidthsInTheOrderTheSamplesWerePrinted() {
        var parser = TerminalReplyParser()
        // tmux's answers to the measurement, with DA1 after them.
        let bytes = Array("\u{1B}[24;3R\u{1B}[24;3R\u{1B}[24;2R\u{1B}[24;5R\u{1B}[24;2R\u{1B}[?1;2c".utf8)
        let answers = TerminalAnswers(parser.feed(bytes).compactMap { item in
            if case .reply(let reply) = item { return reply }
            Issue.record("not an answer: \(item)")
            return nil
        })
        #expect(answers.cursorColumns == [3, 3, 2, 5, 2])
        #expect(EmojiWidths(answers: answers) == tmux)
        #expect(answers.primaryAttributes == [1, 2])
    }

    @Test func overdrawnGlyphsAreFoundOnlyInTheRowsAskedAndOutsidePictures() {
        var frame = Frame(width: 12, height: 3)
        let style = Style(foreground: .indexed(3))
        frame.put("a\u{2764}\u{FE0F}b", x: 0, y: 0, style: style)
        frame.put("\u{2764}\u{FE0F}", x: 0, y: 1, style: style)
        frame.put("\u{2764}\u{FE0F}", x: 6, y: 1, style: style)
        frame.placements = [GraphicsPlacement(rect: Rect(x: 6, y: 1, width: 4, height: 2), sequence: "", key: "p")]
        // In-process tests lay out by Unicode's widths: the heart is two columns, drawn over curses' blanks.
        let glyphs = OverdrawnGlyph.all(in: frame, rows: [0, 1], width: 12)
        #expect(glyphs == [
            OverdrawnGlyph(x: 1, y: 0, columns: 2, character: "\u{2764}\u{FE0F}", style: style),
            OverdrawnGlyph(x: 0, y: 1, columns: 2, character: "\u{2764}\u{FE0F}", style: style),
        ])
        #expect(frame[3, 0].text == "b", "the text after the glyph starts after its two columns")
        #expect(OverdrawnGlyph.all(in: frame, rows: [2], width: 12).isEmpty)
    }

    @Test func overdrawnGlyphsAreWrittenInTheirCellsColoursAndAttributes() {
        let style = Style(foreground: .indexed(3), background: .rgb(10, 20, 30), bold: true, reverse: true)
        #expect(ColorMode.direct.graphicRendition(for: style) == "\u{1B}[0;1;7;33;48;2;10;20;30m")
        #expect(ColorMode.indexed256.graphicRendition(for: Style(foreground: .indexed(9), background: .indexed(200)))
            == "\u{1B}[0;91;48;5;200m")
        #expect(ColorMode.monochrome.graphicRendition(for: Style(foreground: .indexed(3), underline: true)) == "\u{1B}[0;4;39;49m")
    }
}
