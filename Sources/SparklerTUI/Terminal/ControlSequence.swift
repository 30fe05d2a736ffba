/// `parameters intermediates final` after `ESC [`, as ECMA-48 shapes a control sequence.
struct ControlSequence {
    var parameters: String
    var intermediates: String
    var final: Character
    /// Bytes it took, after `ESC [`.
    var length: Int

    /// Nil unless `bytes` begins with a complete control sequence.
    init?(_ bytes: ArraySlice<UInt8>) {
        let parameterBytes = bytes.prefix { (0x30...0x3F).contains($0) }
        let intermediateBytes = bytes.dropFirst(parameterBytes.count).prefix { (0x20...0x2F).contains($0) }
        let end = bytes.startIndex + parameterBytes.count + intermediateBytes.count
        guard end < bytes.endIndex, (0x40...0x7E).contains(bytes[end]) else { return nil }
        parameters = String(decoding: parameterBytes, as: UTF8.self)
        intermediates = String(decoding: intermediateBytes, as: UTF8.self)
        final = Character(Unicode.Scalar(bytes[end]))
        length = parameterBytes.count + intermediateBytes.count + 1
    }
}
