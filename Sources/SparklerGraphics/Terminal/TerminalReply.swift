/// One answer a terminal sends to a query, as `TerminalReplyParser` reads it.
public enum TerminalReply: Sendable, Equatable {
    /// DA1, `CSI ? 63 ; 1 ; 2 ; 4 c`: the attributes; 4 means sixel graphics.
    case primaryAttributes([Int])
    /// XTVERSION, `DCS > | XTerm(390) ST`: the terminal's name and version.
    case version(String)
    /// The kitty graphics query's answer, `APC G i=31 ; OK ST`: true when the terminal draws kitty pictures.
    case kittyGraphics(Bool)
    /// XTSMGRAPHICS, `CSI ? item ; status ; values S`: item 1 is colour registers, 2 the sixel geometry limit.
    case graphicsAttribute(item: Int, status: Int, values: [Int])
    /// `CSI 6 ; height ; width t`: one cell in pixels (the answer to `CSI 16 t`).
    case cellPixels(width: Int, height: Int)
    /// `CSI 4 ; height ; width t`: the text area in pixels (the answer to `CSI 14 t`).
    case textAreaPixels(width: Int, height: Int)
    /// `CSI row ; column R`: where the cursor stands (the answer to `CSI 6 n`).
    case cursorPosition(row: Int, column: Int)
    /// XTGETTCAP, `DCS 1 + r <hex name> = <hex value> ST`; a capability the terminal does not have comes as
    /// `DCS 0 + r ... ST` and has no value.
    case capability(name: String, value: String?)
    /// A well-formed answer to something else (DA2, an OSC colour): read, so it is not taken for keys.
    case other
}

extension TerminalReply: CustomStringConvertible {
    /// How `sparkler doctor` shows an answer.
    public var description: String {
        switch self {
        case .primaryAttributes(let values): "DA1: ?\(values.map(String.init).joined(separator: ";"))c"
        case .version(let text): "XTVERSION: \(text)"
        case .kittyGraphics(let ok): "kitty graphics: \(ok ? "OK" : "error")"
        case .graphicsAttribute(let item, let status, let values):
            "XTSMGRAPHICS \(item == 1 ? "colour registers" : item == 2 ? "sixel geometry" : "item \(item)"): "
                + (status == 0 ? values.map(String.init).joined(separator: "x") : "status \(status)")
        case .cellPixels(let width, let height): "cell size: \(width)x\(height) pixels"
        case .textAreaPixels(let width, let height): "text area: \(width)x\(height) pixels"
        case .cursorPosition(let row, let column): "cursor position: row \(row), column \(column)"
        case .capability(let name, let value): "XTGETTCAP \(name): " + (value.map { $0.isEmpty ? "yes" : $0 } ?? "no")
        case .other: "another answer"
        }
    }
}

/// Splits what the terminal sends into answers to queries and everything else (keys the user typed),
/// in order. Feed it bytes as they arrive: a sequence split across reads is kept until it is complete.
/// Pure, so every shape of answer is tested without a terminal.
public struct TerminalReplyParser: Sendable {
    public enum Item: Sendable, Equatable {
        case reply(TerminalReply)
        /// Bytes that answer no query: typed keys, to be handed to the input reader unchanged.
        case input([UInt8])
    }

    private static let escape: UInt8 = 0x1B
    /// Bytes of a sequence that has begun and not ended yet.
    private var pending: [UInt8] = []

    public init() {}

    /// Whether a byte after Esc may begin an answer: CSI, DCS, APC or OSC.
    public static func mayBeginReply(_ value: UInt32) -> Bool {
        [0x5B, 0x50, 0x5F, 0x5D].contains(value)
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Item] {
        var items: [Item] = []
        var input: [UInt8] = []
        func flushInput() {
            if !input.isEmpty { items.append(.input(input)) }
            input = []
        }
        for byte in bytes {
            if pending.isEmpty {
                if byte == Self.escape { pending = [byte] } else { input.append(byte) }
                continue
            }
            pending.append(byte)
            switch Self.scan(pending) {
            case .incomplete:
                continue
            case .reply(let reply):
                flushInput()
                items.append(.reply(reply))
                pending = []
            case .notAReply:
                // A key's escape sequence (an arrow, Alt-x): typed input, kept whole and in order.
                input += pending
                pending = []
            }
        }
        flushInput()
        return items
    }

    /// What is left when no more bytes will come: a lone Esc, or a sequence cut short, is typed input.
    public mutating func finish() -> [Item] {
        defer { pending = [] }
        return pending.isEmpty ? [] : [.input(pending)]
    }

    private enum Scan: Equatable {
        case incomplete
        case reply(TerminalReply)
        case notAReply
    }

    /// `sequence` starts with Esc.
    private static func scan(_ sequence: [UInt8]) -> Scan {
        guard sequence.count >= 2 else { return .incomplete }
        switch sequence[1] {
        case UInt8(ascii: "["): return scanCSI(sequence)
        case UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "]"): return scanString(sequence)
        default: return .notAReply
        }
    }

    /// `ESC [ params intermediates final`.
    private static func scanCSI(_ sequence: [UInt8]) -> Scan {
        guard sequence.count >= 3 else { return .incomplete }
        let last = sequence[sequence.count - 1]
        switch last {
        case 0x20...0x3F: return sequence.count > 64 ? .notAReply : .incomplete
        case 0x40...0x7E: break
        default: return .notAReply
        }
        let body = String(decoding: sequence[2..<(sequence.count - 1)], as: UTF8.self)
        return csiReply(body: body, final: Character(Unicode.Scalar(last))).map(Scan.reply) ?? .notAReply
    }

    private static func csiReply(body: String, final: Character) -> TerminalReply? {
        let isPrivate = body.hasPrefix("?")
        // An empty parameter is its default (kitty answers DA1 with `CSI ? 62 ; c`).
        let numbers = (isPrivate ? body.dropFirst() : Substring(body)).split(separator: ";", omittingEmptySubsequences: true)
            .map { Int($0) }
        guard numbers.allSatisfy({ $0 != nil }) else {
            // `CSI > 1 ; 4000 ; 0 c` and friends: an answer, but not one we asked for.
            return body.hasPrefix(">") && final == "c" ? .other : nil
        }
        let values = numbers.compactMap { $0 }
        switch (isPrivate, final) {
        case (true, "c"): return .primaryAttributes(values)
        case (true, "S") where values.count >= 2:
            return .graphicsAttribute(item: values[0], status: values[1], values: Array(values.dropFirst(2)))
        case (false, "t") where values.count == 3 && values[0] == 6:
            return .cellPixels(width: values[2], height: values[1])
        case (false, "t") where values.count == 3 && values[0] == 4:
            return .textAreaPixels(width: values[2], height: values[1])
        case (false, "R") where values.count == 2:
            return .cursorPosition(row: values[0], column: values[1])
        default: return nil
        }
    }

    /// DCS, APC and OSC strings run to the string terminator `ESC \` (OSC also to BEL).
    private static func scanString(_ sequence: [UInt8]) -> Scan {
        let count = sequence.count
        let introducer = sequence[1]
        let endsWithST = count >= 4 && sequence[count - 2] == escape && sequence[count - 1] == UInt8(ascii: "\\")
        let endsWithBEL = introducer == UInt8(ascii: "]") && sequence[count - 1] == 0x07
        guard endsWithST || endsWithBEL else {
            // Answers are short; a runaway string is not an answer (nor is Alt-P followed by typing).
            if count > 4096 { return .notAReply }
            return .incomplete
        }
        let body = String(decoding: sequence[2..<(count - (endsWithST ? 2 : 1))], as: UTF8.self)
        switch introducer {
        case UInt8(ascii: "P"): return .reply(dcsReply(body))
        case UInt8(ascii: "_"): return .reply(apcReply(body))
        default: return .reply(.other)
        }
    }

    private static func dcsReply(_ body: String) -> TerminalReply {
        if body.hasPrefix(">|") { return .version(String(body.dropFirst(2))) }
        if body.hasPrefix("1+r") || body.hasPrefix("0+r") {
            let found = body.hasPrefix("1")
            let parts = body.dropFirst(3).split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first.flatMap(Self.hexDecoded) else { return .other }
            return .capability(name: name, value: found ? (parts.count > 1 ? Self.hexDecoded(parts[1]) ?? "" : "") : nil)
        }
        return .other
    }

    /// `G key=value,... ; message`: kitty answers `OK` or an error such as `ENOTSUPPORTED:...`.
    private static func apcReply(_ body: String) -> TerminalReply {
        guard body.hasPrefix("G") else { return .other }
        let message = body.split(separator: ";", maxSplits: 1).dropFirst().first ?? ""
        return .kittyGraphics(message == "OK")
    }

    private static func hexDecoded(_ hex: String) -> String? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
