/// Text from outside (prompts, server messages, file names) made safe to print to a terminal:
/// control characters (escape sequences included) and bidirectional overrides become spaces,
/// and runs of whitespace collapse to one.
public enum DisplayText {
    private static let bidiControls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    public static func clean(_ text: String) -> String {
        let printable = text.unicodeScalars.map { scalar -> Character in
            let unsafe = scalar.properties.generalCategory == .control || bidiControls.contains(scalar.value)
            return unsafe ? " " : Character(scalar)
        }
        return String(printable).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
