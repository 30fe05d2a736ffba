import Testing
@testable import SparklerTUI

/// What each terminal sends for each key and modifier, decoded. The sequences are the ones these terminals
/// send in their default set-up (xterm with metaSendsEscape, as distributions ship it), in normal and
/// application cursor mode; kitty's are its legacy ones and those of its keyboard protocol, which foot speaks
/// too. Sequences that TERM's terminfo names come through curses (`KeyDecoder.functionKey`); the rest,
/// through `KeySequences` or `TypedBytesDecoder`: these tests hold that every one means its key.
@Suite("Terminal key table")
struct TerminalKeyTableTests {
    struct Terminal: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [(sent: String, key: Key, modifiers: Modifiers)]
        var testDescription: String { name }
    }

    static let ctrl: Modifiers = [.control]
    static let alt: Modifiers = [.alt]
    static let shift: Modifiers = [.shift]

    /// Sent by xterm, and by kitty and foot outside kitty's keyboard protocol.
    static let xtermStyle: [(String, Key, Modifiers)] = [
        ("\u{1B}[A", .up, []), ("\u{1B}OA", .up, []), ("\u{1B}[1;2A", .up, shift), ("\u{1B}[1;3A", .up, alt),
        ("\u{1B}[1;5A", .up, ctrl), ("\u{1B}[1;6A", .up, [.control, .shift]), ("\u{1B}[1;7A", .up, [.control, .alt]),
        ("\u{1B}[1;8A", .up, [.control, .alt, .shift]),
        ("\u{1B}[B", .down, []), ("\u{1B}OB", .down, []), ("\u{1B}[1;5B", .down, ctrl),
        ("\u{1B}[C", .right, []), ("\u{1B}OC", .right, []), ("\u{1B}[1;2C", .right, shift), ("\u{1B}[1;5C", .right, ctrl),
        ("\u{1B}[D", .left, []), ("\u{1B}OD", .left, []), ("\u{1B}[1;3D", .left, alt), ("\u{1B}[1;5D", .left, ctrl),
        ("\u{1B}[H", .home, []), ("\u{1B}OH", .home, []), ("\u{1B}[1;2H", .home, shift), ("\u{1B}[1;5H", .home, ctrl),
        ("\u{1B}[F", .end, []), ("\u{1B}OF", .end, []), ("\u{1B}[1;2F", .end, shift), ("\u{1B}[1;5F", .end, ctrl),
        ("\u{1B}[2~", .insert, []), ("\u{1B}[3~", .delete, []), ("\u{1B}[3;5~", .delete, ctrl), ("\u{1B}[3;2~", .delete, shift),
        ("\u{1B}[5~", .pageUp, []), ("\u{1B}[5;5~", .pageUp, ctrl), ("\u{1B}[6~", .pageDown, []), ("\u{1B}[6;2~", .pageDown, shift),
        ("\u{1B}OP", .function(1), []), ("\u{1B}OQ", .function(2), []), ("\u{1B}OR", .function(3), []), ("\u{1B}OS", .function(4), []),
        ("\u{1B}[1;5P", .function(1), ctrl), ("\u{1B}[1;2R", .function(3), shift),
        ("\u{1B}[15~", .function(5), []), ("\u{1B}[17~", .function(6), []), ("\u{1B}[24~", .function(12), []),
        ("\u{1B}[15;5~", .function(5), ctrl), ("\u{1B}[17;2~", .function(6), shift),
        ("\u{1B}[Z", .backTab, []), ("\t", .tab, []), ("\r", .enter, []), ("\u{7F}", .backspace, []), ("\u{1B}", .escape, []),
        ("\u{1B}b", .character("b"), alt), ("\u{1B}f", .character("f"), alt), ("\u{1B}d", .character("d"), alt),
        ("\u{1B}y", .character("y"), alt), ("\u{1B}\u{7F}", .backspace, alt), ("\u{1B}\u{08}", .backspace, alt),
        ("\u{01}", .character("a"), ctrl), ("\u{05}", .character("e"), ctrl), ("\u{0B}", .character("k"), ctrl),
        ("\u{15}", .character("u"), ctrl), ("\u{17}", .character("w"), ctrl), ("\u{19}", .character("y"), ctrl),
        ("\u{1F}", .character("_"), ctrl), ("\u{1A}", .character("z"), ctrl), ("a", .character("a"), []), ("A", .character("A"), []),
    ]

    static let terminals: [Terminal] = [
        Terminal(name: "xterm", keys: xtermStyle + [
            // modifyOtherKeys, which xterm sends for keys that have no control character of their own.
            ("\u{1B}[27;5;9~", .tab, ctrl), ("\u{1B}[27;2;13~", .enter, shift), ("\u{1B}[27;5;13~", .enter, ctrl),
            ("\u{1B}[27;6;65~", .character("A"), [.control, .shift]), ("\u{1B}[27;5;47~", .character("/"), ctrl),
        ]),
        Terminal(name: "rxvt-unicode", keys: [
            ("\u{1B}[A", .up, []), ("\u{1B}[a", .up, shift), ("\u{1B}Oa", .up, ctrl), ("\u{1B}\u{1B}[A", .up, alt),
            ("\u{1B}[b", .down, shift), ("\u{1B}Ob", .down, ctrl), ("\u{1B}[c", .right, shift), ("\u{1B}Oc", .right, ctrl),
            ("\u{1B}[d", .left, shift), ("\u{1B}Od", .left, ctrl), ("\u{1B}\u{1B}[D", .left, alt),
            ("\u{1B}[7~", .home, []), ("\u{1B}[7$", .home, shift), ("\u{1B}[7^", .home, ctrl), ("\u{1B}[7@", .home, [.control, .shift]),
            ("\u{1B}\u{1B}[7~", .home, alt),
            ("\u{1B}[8~", .end, []), ("\u{1B}[8$", .end, shift), ("\u{1B}[8^", .end, ctrl),
            ("\u{1B}[2~", .insert, []), ("\u{1B}[2^", .insert, ctrl), ("\u{1B}[3~", .delete, []), ("\u{1B}[3^", .delete, ctrl),
            ("\u{1B}[3$", .delete, shift), ("\u{1B}[5~", .pageUp, []), ("\u{1B}[5^", .pageUp, ctrl), ("\u{1B}[6^", .pageDown, ctrl),
            ("\u{1B}[11~", .function(1), []), ("\u{1B}[14~", .function(4), []), ("\u{1B}[15~", .function(5), []),
            ("\u{1B}[11^", .function(1), ctrl), ("\u{1B}[15^", .function(5), ctrl), ("\u{1B}[24^", .function(12), ctrl),
            ("\u{1B}[Z", .backTab, []), ("\u{7F}", .backspace, []), ("\u{1B}\u{7F}", .backspace, alt),
            ("\u{1B}b", .character("b"), alt), ("\u{1B}f", .character("f"), alt), ("\u{01}", .character("a"), ctrl),
        ]),
        Terminal(name: "tmux", keys: [
            ("\u{1B}[1~", .home, []), ("\u{1B}[4~", .end, []), ("\u{1B}[A", .up, []), ("\u{1B}OA", .up, []),
            ("\u{1B}[1;5D", .left, ctrl), ("\u{1B}[1;2C", .right, shift), ("\u{1B}[1;3A", .up, alt), ("\u{1B}[1;5H", .home, ctrl),
            ("\u{1B}[1;3F", .end, alt), ("\u{1B}[3;5~", .delete, ctrl), ("\u{1B}[2~", .insert, []), ("\u{1B}[5~", .pageUp, []),
            ("\u{1B}OP", .function(1), []), ("\u{1B}[1;5P", .function(1), ctrl), ("\u{1B}[15~", .function(5), []),
            ("\u{1B}[Z", .backTab, []), ("\u{1B}b", .character("b"), alt), ("\u{1B}\u{7F}", .backspace, alt),
            ("\u{02}", .character("b"), ctrl),
            // extended-keys on, in its xterm format and in its CSI u format.
            ("\u{1B}[27;5;13~", .enter, ctrl), ("\u{1B}[27;5;9~", .tab, ctrl), ("\u{1B}[13;5u", .enter, ctrl),
            ("\u{1B}[97;5u", .character("a"), ctrl), ("\u{1B}[98;3u", .character("b"), alt),
        ]),
        Terminal(name: "screen", keys: [
            ("\u{1B}[1~", .home, []), ("\u{1B}[4~", .end, []), ("\u{1B}OA", .up, []), ("\u{1B}OB", .down, []),
            ("\u{1B}OC", .right, []), ("\u{1B}OD", .left, []), ("\u{1B}[1;5D", .left, ctrl), ("\u{1B}[1;5C", .right, ctrl),
            ("\u{1B}[2~", .insert, []), ("\u{1B}[3~", .delete, []), ("\u{1B}[5~", .pageUp, []), ("\u{1B}[6~", .pageDown, []),
            ("\u{1B}OP", .function(1), []), ("\u{1B}[15~", .function(5), []), ("\u{1B}[24~", .function(12), []),
            ("\u{1B}[Z", .backTab, []), ("\u{1B}b", .character("b"), alt), ("\u{1B}\u{7F}", .backspace, alt), ("\u{7F}", .backspace, []),
        ]),
        Terminal(name: "Linux console", keys: [
            ("\u{1B}[1~", .home, []), ("\u{1B}[4~", .end, []), ("\u{1B}[2~", .insert, []), ("\u{1B}[3~", .delete, []),
            ("\u{1B}[5~", .pageUp, []), ("\u{1B}[6~", .pageDown, []), ("\u{1B}[A", .up, []), ("\u{1B}[D", .left, []),
            ("\u{1B}[[A", .function(1), []), ("\u{1B}[[B", .function(2), []), ("\u{1B}[[C", .function(3), []),
            ("\u{1B}[[D", .function(4), []), ("\u{1B}[[E", .function(5), []), ("\u{1B}[17~", .function(6), []),
            ("\u{1B}[24~", .function(12), []), ("\u{1B}[Z", .backTab, []), ("\u{7F}", .backspace, []),
            ("\u{1B}b", .character("b"), alt), ("\u{1B}\u{7F}", .backspace, alt), ("\u{1B}\u{1B}[D", .left, alt),
        ]),
        Terminal(name: "kitty", keys: xtermStyle + [
            ("\u{1B}[13~", .function(3), []), ("\u{1B}[13;5~", .function(3), ctrl),
            // Its keyboard protocol: disambiguated keys.
            ("\u{1B}[97;5u", .character("a"), ctrl), ("\u{1B}[101;5u", .character("e"), ctrl), ("\u{1B}[121;5u", .character("y"), ctrl),
            ("\u{1B}[98;3u", .character("b"), alt), ("\u{1B}[121;3u", .character("y"), alt), ("\u{1B}[97;7u", .character("a"), [.control, .alt]),
            ("\u{1B}[27u", .escape, []), ("\u{1B}[13;5u", .enter, ctrl), ("\u{1B}[13;2u", .enter, shift),
            ("\u{1B}[127;3u", .backspace, alt), ("\u{1B}[127;5u", .backspace, ctrl), ("\u{1B}[9;2u", .backTab, []),
            ("\u{1B}[9;5u", .tab, ctrl), ("\u{1B}[32;5u", .character(" "), ctrl), ("\u{1B}[47;5u", .character("/"), ctrl),
            // Event types (press, repeat), alternate keys, every key as an escape code, the locks.
            ("\u{1B}[97;5:1u", .character("a"), ctrl), ("\u{1B}[97;5:2u", .character("a"), ctrl), ("\u{1B}[1;5:1D", .left, ctrl),
            ("\u{1B}[97:65;2u", .character("A"), []), ("\u{1B}[97;2u", .character("A"), []), ("\u{1B}[97u", .character("a"), []),
            ("\u{1B}[13u", .enter, []), ("\u{1B}[57414u", .enter, []), ("\u{1B}[57399u", .character("0"), []),
            ("\u{1B}[57417;5u", .left, ctrl), ("\u{1B}[97;69u", .character("a"), ctrl), ("\u{1B}[1;133A", .up, ctrl),
        ]),
        Terminal(name: "foot", keys: xtermStyle + [
            ("\u{1B}[27;5;9~", .tab, ctrl), ("\u{1B}[27;2;13~", .enter, shift), ("\u{1B}[27;5;13~", .enter, ctrl),
            ("\u{1B}[97;5u", .character("a"), ctrl), ("\u{1B}[98;3u", .character("b"), alt), ("\u{1B}[127;5u", .backspace, ctrl),
        ]),
    ]

    @Test(arguments: terminals)
    func everyKeyDecodes(terminal: Terminal) {
        for sent in terminal.keys {
            let decoded = TypedBytesDecoder.events(Array(sent.sent.utf8))
            #expect(decoded == [.key(sent.key, sent.modifiers)], "\(terminal.name): \(Self.visible(sent.sent))")
        }
    }

    @Test func everyTableEntryDecodesToItsOwnKey() {
        for entry in KeySequences.table {
            #expect(TypedBytesDecoder.events([27] + Array(entry.sequence.utf8)) == [entry.event], "ESC\(entry.sequence)")
        }
    }

    @Test func releasesAndLoneModifierKeysAreNoKeys() {
        #expect(TypedBytesDecoder.events(Array("\u{1B}[97;5:3u".utf8)).isEmpty)
        #expect(TypedBytesDecoder.events(Array("\u{1B}[1;5:3D".utf8)).isEmpty)
        #expect(TypedBytesDecoder.events(Array("\u{1B}[57441;2u".utf8)).isEmpty)
        #expect(TypedBytesDecoder.events(Array("\u{1B}[97;5:3ub".utf8)) == [.key(.character("b"))])
    }

    @Test func keysThatArriveTogetherComeOutInOrder() {
        let bytes = Array("\u{1B}[97;5ux\u{1B}[1;5D\u{1B}bé".utf8)
        #expect(TypedBytesDecoder.events(bytes) == [
            .key(.character("a"), Self.ctrl), .key(.character("x")), .key(.left, Self.ctrl),
            .key(.character("b"), Self.alt), .key(.character("é")),
        ])
    }

    @Test func anUnknownSequenceWithParametersIsDroppedAndAltBracketIsTyped() {
        #expect(TypedBytesDecoder.events(Array("\u{1B}[12;3yq".utf8)) == [.key(.character("q"))])
        #expect(TypedBytesDecoder.events(Array("\u{1B}[x".utf8)) == [.key(.character("["), Self.alt), .key(.character("x"))])
        #expect(TypedBytesDecoder.events(Array("\u{1B}[".utf8)) == [.key(.character("["), Self.alt)])
    }

    private static func visible(_ sequence: String) -> String {
        sequence.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "^" + String(Unicode.Scalar(UInt8($0.value ^ 0x40))) : String($0) }.joined()
    }
}
