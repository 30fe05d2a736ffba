import CNcurses
import Testing
@testable import SparklerTUI

@Suite("Terminal key decoding")
struct TerminalKeyDecoderTests {
    @Test func controlCharactersBecomeControlKeysExceptTabEnterAndBackspace() {
        #expect(KeyDecoder.character(1) == .key(.character("a"), [.control]))
        #expect(KeyDecoder.character(3) == .key(.character("c"), [.control]))
        #expect(KeyDecoder.character(26) == .key(.character("z"), [.control]))
        #expect(KeyDecoder.character(0) == .key(.character(" "), [.control]))
        #expect(KeyDecoder.character(28) == .key(.character("\\"), [.control]))
        #expect(KeyDecoder.character(9) == .key(.tab))
        #expect(KeyDecoder.character(13) == .key(.enter))
        #expect(KeyDecoder.character(10) == .key(.enter))
        #expect(KeyDecoder.character(8) == .key(.backspace))
        #expect(KeyDecoder.character(127) == .key(.backspace))
        #expect(KeyDecoder.character(27) == .key(.escape))
    }

    @Test func printableTextIsACharacterAndC1ControlsAreDropped() {
        #expect(KeyDecoder.character(0x61) == .key(.character("a")))
        #expect(KeyDecoder.character(0xE9) == .key(.character("é")))
        #expect(KeyDecoder.character(0x6F22) == .key(.character("漢")))
        #expect(KeyDecoder.character(0x1F600) == .key(.character("😀")))
        #expect(KeyDecoder.character(0x85) == nil)
    }

    @Test func cursesKeyCodes() {
        #expect(KeyDecoder.functionKey(KEY_LEFT) == .key(.left))
        #expect(KeyDecoder.functionKey(KEY_SLEFT) == .key(.left, [.shift]))
        #expect(KeyDecoder.functionKey(KEY_SRIGHT) == .key(.right, [.shift]))
        #expect(KeyDecoder.functionKey(KEY_SR) == .key(.up, [.shift]))
        #expect(KeyDecoder.functionKey(KEY_BTAB) == .key(.backTab))
        #expect(KeyDecoder.functionKey(KEY_DC) == .key(.delete))
        #expect(KeyDecoder.functionKey(KEY_NPAGE) == .key(.pageDown))
        #expect(KeyDecoder.functionKey(KEY_ENTER) == .key(.enter))
        #expect(KeyDecoder.functionKey(KEY_BACKSPACE) == .key(.backspace))
        #expect(KeyDecoder.functionKey(KEY_MAX) == nil)
    }

    @Test func functionKeysPastTwelveCarryModifiers() {
        #expect(KeyDecoder.functionKey(KEY_F0 + 1) == .key(.function(1)))
        #expect(KeyDecoder.functionKey(KEY_F0 + 12) == .key(.function(12)))
        #expect(KeyDecoder.functionKey(KEY_F0 + 13) == .key(.function(1), [.shift]))
        #expect(KeyDecoder.functionKey(KEY_F0 + 29) == .key(.function(5), [.control]))
    }

    @Test func extendedKeyNamesCarryXtermModifiers() {
        #expect(KeyDecoder.extendedKey(named: "kLFT5") == .key(.left, [.control]))
        #expect(KeyDecoder.extendedKey(named: "kRIT3") == .key(.right, [.alt]))
        #expect(KeyDecoder.extendedKey(named: "kUP2") == .key(.up, [.shift]))
        #expect(KeyDecoder.extendedKey(named: "kDN8") == .key(.down, [.shift, .alt, .control]))
        #expect(KeyDecoder.extendedKey(named: "kHOM6") == .key(.home, [.shift, .control]))
        #expect(KeyDecoder.extendedKey(named: "kDC5") == .key(.delete, [.control]))
        #expect(KeyDecoder.extendedKey(named: "kLFT") == nil)
        #expect(KeyDecoder.extendedKey(named: "kxIN") == nil)
        #expect(KeyDecoder.extendedKey(named: "kFOO3") == nil)
    }

    @Test func escapeBeforeAKeyMeansAlt() {
        #expect(KeyDecoder.addingAlt(to: .key(.character("b"))) == .key(.character("b"), [.alt]))
        #expect(KeyDecoder.addingAlt(to: .key(.left, [.shift])) == .key(.left, [.shift, .alt]))
    }
}
