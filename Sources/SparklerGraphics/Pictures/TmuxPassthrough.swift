/// Wraps escape sequences so that tmux hands them to the terminal outside unchanged:
/// `ESC P tmux; <sequence with every ESC doubled> ESC \`. tmux must have `allow-passthrough on`.
public enum TmuxPassthrough {
    private static let escape: UInt8 = 0x1B
    private static let backslash: UInt8 = 0x5C
    private static let opening = Array("\u{1B}Ptmux;".utf8)
    private static let closing = Array("\u{1B}\\".utf8)

    /// Each sequence (ending at its string terminator `ESC \`) is wrapped on its own: kitty sends
    /// a picture as many small chunks, and tmux limits how much one passthrough may carry.
    public static func wrap(_ sequences: String) -> String {
        let input = Array(sequences.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 64 + 16)
        var pieceStart = 0
        var index = 0
        while index < input.count {
            let endsPiece = input[index] == escape && index + 1 < input.count && input[index + 1] == backslash
            index += endsPiece ? 2 : 1
            if endsPiece || index == input.count {
                append(input[pieceStart..<index], wrappedTo: &output)
                pieceStart = index
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func append(_ piece: ArraySlice<UInt8>, wrappedTo output: inout [UInt8]) {
        output.append(contentsOf: opening)
        for byte in piece {
            if byte == escape { output.append(escape) }
            output.append(byte)
        }
        output.append(contentsOf: closing)
    }
}
