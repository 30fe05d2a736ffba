/// Keys from the bytes a terminal sent. Input reaches the reader this way when curses has no entry for a
/// sequence (kitty's `CSI u`, xterm's modifyOtherKeys, a modified key TERM's terminfo leaves out): curses
/// hands such a sequence back byte by byte. Uses the table curses is given, so one table test covers
/// what every terminal sends. Pure.
enum TypedBytesDecoder {
    static func events(_ bytes: [UInt8]) -> [InputEvent] {
        var events: [InputEvent] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            let next = key(at: rest)
            if let event = next.event { events.append(event) }
            rest = rest.dropFirst(next.length)
        }
        return events
    }

    private static let escape: UInt8 = 0x1B

    /// The key at the start of `bytes` (nil for a sequence that means no key) and how many bytes it took.
    private static func key(at bytes: ArraySlice<UInt8>) -> (event: InputEvent?, length: Int) {
        guard bytes.first == escape else { return character(at: bytes) }
        let after = bytes.dropFirst()
        if let sequence = sequence(at: after) { return (sequence.event, 1 + sequence.length) }
        guard !after.isEmpty else { return (.key(.escape), 1) }
        // Esc before a key is Alt with it, a key sent as a sequence included (rxvt's Alt-Left is Esc Esc [D).
        let next = key(at: after)
        return (next.event.map(KeyDecoder.addingAlt), 1 + next.length)
    }

    /// A key sequence after Esc: one from the table, or a control sequence with parameters. A complete
    /// control sequence with parameters that is no key here (a key's release) is read and dropped, never
    /// typed; one without parameters may be Alt-[ and typed text, and is left to be read so.
    private static func sequence(at bytes: ArraySlice<UInt8>) -> (event: InputEvent?, length: Int)? {
        if let known = KeySequences.longestMatch(at: bytes) { return (known.event, known.length) }
        guard bytes.first == UInt8(ascii: "["), let control = ControlSequence(bytes.dropFirst()) else { return nil }
        let event = control.intermediates.isEmpty ? ControlSequenceKey.decode(parameters: control.parameters, final: control.final) : nil
        if event == nil, control.parameters.isEmpty { return nil }
        return (event, 1 + control.length)
    }

    /// One UTF-8 encoded character.
    private static func character(at bytes: ArraySlice<UInt8>) -> (event: InputEvent?, length: Int) {
        let lead = bytes[bytes.startIndex]
        let length = switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
        let encoded = bytes.prefix(length)
        let scalar = String(decoding: encoded, as: UTF8.self).unicodeScalars.first
        return (scalar.flatMap { KeyDecoder.character($0.value) }, encoded.count)
    }
}
