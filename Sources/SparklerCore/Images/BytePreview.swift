import Foundation

/// Shows how unexpected bytes begin, safe to print: readable text as text, anything else as hex.
enum BytePreview {
    static func describe<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(32))
        let isText = head.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard isText else {
            return head.prefix(8).map { byte in
                let hex = String(byte, radix: 16, uppercase: false)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: " ")
        }
        let text = String(decoding: head, as: UTF8.self)
            .split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " })
            .joined(separator: " ")
        return text.replacingOccurrences(of: "`", with: "'")
    }
}
