import Testing
@testable import SparklerGraphics

/// The start-up answers as real terminals send them, split, mixed with typing, late and broken.
@Suite struct TerminalReplyParserTests {
    private func parse(_ chunks: [String]) -> [TerminalReplyParser.Item] {
        var parser = TerminalReplyParser()
        var items = chunks.flatMap { parser.feed(Array($0.utf8)) }
        items += parser.finish()
        return items
    }

    private func replies(_ items: [TerminalReplyParser.Item]) -> [TerminalReply] {
        items.compactMap { if case .reply(let reply) = $0 { reply } else { nil } }
    }

    private func typed(_ items: [TerminalReplyParser.Item]) -> String {
        let bytes: [UInt8] = items.flatMap { item -> [UInt8] in
            guard case .input(let bytes) = item else { return [] }
            return bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func xtermAsAVT340AnswersWithSixel() {
        // What `xterm -ti vt340` sends to TerminalQuery's questions (DA1 last).
        let items = parse(["\u{1B}[6;23;11t\u{1B}[4;828;1320t\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?1;0;1024S\u{1B}[?2;0;1000;1000S\u{1B}[?63;1;2;4;6;9;15;16;22;28;29c"])
        var answers = TerminalAnswers(replies(items))
        #expect(typed(items).isEmpty)
        #expect(answers.hasSixel)
        #expect(answers.version == "XTerm(379)")
        #expect(answers.cellPixels == PixelSize(width: 11, height: 23))
        #expect(answers.textAreaPixels == PixelSize(width: 1320, height: 828))
        #expect(answers.colorRegisters == 1024)
        #expect(answers.sixelLimit == PixelSize(width: 1000, height: 1000))
        #expect(answers.kittyGraphics == nil)
        answers.record(.kittyGraphics(true))
        #expect(answers.kittyGraphics == true)
    }

    @Test func kittyAnswersItsGraphicsQueryAndDA1WithAnEmptyParameter() {
        let items = parse(["\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P1+r524742=382F38\u{1B}\\\u{1B}[?62;c"])
        let answers = TerminalAnswers(replies(items))
        #expect(typed(items).isEmpty, "kitty's DA1 must never be typed into the prompt")
        #expect(answers.kittyGraphics == true)
        #expect(answers.primaryAttributes == [62])
        #expect(!answers.hasSixel)
        #expect(answers.capabilities["RGB"] == "8/8")
        #expect(answers.hasDirectColor)
    }

    @Test func aKittyErrorAndAMissingCapabilityAreNo() {
        let answers = TerminalAnswers(replies(parse(["\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}P0+r5463\u{1B}\\\u{1B}[?64;1c"])))
        #expect(answers.kittyGraphics == false)
        #expect(answers.capabilities["Tc"] == nil)
        #expect(!answers.hasDirectColor)
    }

    @Test func answersSplitAcrossReadsAtEveryByteComeOutWhole() {
        let whole = "\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[6;20;10t\u{1B}[?63;4c"
        let bytes = Array(whole.utf8)
        for cut in 1..<bytes.count {
            let items = parse([String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)])
            #expect(replies(items) == [.version("XTerm(379)"), .cellPixels(width: 10, height: 20), .primaryAttributes([63, 4])], "cut at \(cut)")
            #expect(typed(items).isEmpty)
        }
    }

    @Test func keysTypedBetweenAnswersAreKeptInOrder() {
        let items = parse(["ab\u{1B}[6;20;10tc\u{1B}[A", "d\u{1B}b", "\u{1B}[?1;2;4c", "é"])
        #expect(replies(items) == [.cellPixels(width: 10, height: 20), .primaryAttributes([1, 2, 4])])
        #expect(typed(items) == "abc\u{1B}[Ad\u{1B}bé", "the arrow key and Alt-b are typing, not answers")
    }

    @Test func aLoneEscAtTheEndIsTheEscKey() {
        let items = parse(["x\u{1B}"])
        #expect(typed(items) == "x\u{1B}")
    }

    @Test func garbageIsNeverAnAnswerAndNeverSwallowsWhatFollows() {
        // An unknown CSI is a key; a DCS cut off by the deadline is given back as typing.
        let items = parse(["\u{1B}[1;5P", "\u{1B}[?63;4c", "\u{1B}Pnot finished"])
        #expect(replies(items) == [.primaryAttributes([63, 4])])
        #expect(typed(items) == "\u{1B}[1;5P\u{1B}Pnot finished")
        #expect(replies(parse(["\u{1B}[>1;4000;0c"])) == [.other], "DA2 is an answer, just not one we use")
        #expect(replies(parse(["\u{1B}]11;rgb:1b1b/1e1e/2525\u{07}"])) == [.other])
    }

    @Test func noAnswerAtAllLeavesEverythingUnknown() {
        let answers = TerminalAnswers(replies(parse([])))
        #expect(!answers.answeredAnything)
        #expect(answers.primaryAttributes == nil)
    }

    @Test func theQueryAsksEverythingAndEndsWithDA1() {
        #expect(TerminalQuery.sequence.hasSuffix("\u{1B}[c"))
        for question in ["\u{1B}[16t", "\u{1B}[14t", "\u{1B}[>0q", "\u{1B}_Gi=31", "\u{1B}[?1;1;0S", "\u{1B}[?2;1;0S", "\u{1B}P+q524742;5463"] {
            #expect(TerminalQuery.sequence.contains(question))
        }
    }
}
