import Testing
@testable import SparklerTUI

@Suite struct UTF8AssemblerTests {
    private func assemble(_ bytes: [UInt8], flushing: Bool = true) -> String {
        var assembler = UTF8Assembler()
        var scalars = bytes.flatMap { assembler.feed($0) }
        if flushing { scalars += assembler.flush() }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func validTextComesThroughWhole() {
        #expect(assemble(Array("a é 日 🙂".utf8)) == "a é 日 🙂")
    }

    @Test func eachBrokenPieceIsOneReplacementAndTheRestIsKept() {
        #expect(assemble([0x61, 0xFF, 0x62]) == "a\u{FFFD}b", "a byte that begins nothing")
        #expect(assemble([0xC3, 0x28]) == "\u{FFFD}(", "a sequence broken off by a new character")
        #expect(assemble([0x80, 0x61]) == "\u{FFFD}a", "a lone continuation byte")
        #expect(assemble([0xE2, 0x82]) == "\u{FFFD}", "a sequence the input ended in")
        #expect(assemble([0xC0, 0xAF]) == "\u{FFFD}\u{FFFD}", "an overlong form")
        #expect(assemble([0xED, 0xA0, 0x80]) == "\u{FFFD}", "a surrogate")
    }

    @Test func anIncompleteCharacterWaits() {
        var assembler = UTF8Assembler()
        #expect(assembler.feed(0xE2).isEmpty && assembler.isIncomplete)
        #expect(assembler.feed(0x82).isEmpty)
        #expect(assembler.feed(0xAC) == ["€"])
        #expect(!assembler.isIncomplete)
    }
}
