/// Assembles UTF-8 input read a byte at a time into characters. A byte that cannot begin or continue a
/// character becomes U+FFFD and what follows it is kept: ncurses' own wide-character read dropped the rest
/// of the burst after an invalid byte (a paste from a Latin-1 file lost everything after its first é).
struct UTF8Assembler {
    private var bytes: [UInt8] = []
    private var expected = 0

    /// A character has begun and not ended.
    var isIncomplete: Bool { expected > 0 }

    /// The characters `byte` completes: none while one is incomplete, two when it breaks off a sequence
    /// (U+FFFD for the broken one, then its own).
    mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        if expected > 0 {
            guard byte & 0xC0 == 0x80 else { return flush() + feed(byte) }
            bytes.append(byte)
            guard bytes.count == expected else { return [] }
            // Overlong forms and surrogates are not characters either.
            let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first ?? Self.replacement
            reset()
            return [scalar]
        }
        switch byte {
        case 0x00...0x7F: return [Unicode.Scalar(byte)]
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return [Self.replacement]
        }
        bytes = [byte]
        return []
    }

    /// The input paused, or a key came, in the middle of a character: what was read of it is U+FFFD.
    mutating func flush() -> [Unicode.Scalar] {
        guard expected > 0 else { return [] }
        reset()
        return [Self.replacement]
    }

    private mutating func reset() {
        bytes = []
        expected = 0
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"
}
