/// Reads and writes Sparkler's text chunks in a PNG file without decoding its pixels.
///
/// A chunk is: data length (4 bytes, big-endian), type (4 ASCII letters), data, CRC-32 over type and data.
enum PNGTextChunks {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let provenanceKeyword = "sparkler"
    static let parametersKeyword = "parameters"
    static let comparisonKeyword = "sparkler-comparison"

    struct Chunk {
        var type: String
        /// The whole chunk, length field to CRC.
        var range: Range<Int>
        var dataRange: Range<Int>
    }

    /// The chunks up to and including IEND; IHDR is checked to come first.
    static func chunks(in bytes: [UInt8]) throws -> [Chunk] {
        guard bytes.starts(with: signature) else { throw malformed("the PNG signature is missing") }
        var chunks: [Chunk] = []
        var offset = signature.count
        while chunks.last?.type != "IEND" {
            guard bytes.count - offset >= 12 else {
                throw malformed("the file ends at byte \(offset) before the IEND chunk")
            }
            let length = Int(BigEndian.uint32(bytes, at: offset))
            let typeBytes = bytes[offset + 4..<offset + 8]
            guard typeBytes.allSatisfy(isASCIILetter) else {
                throw malformed("the chunk at byte \(offset) has no valid type")
            }
            guard length <= bytes.count - offset - 12 else {
                throw malformed("the chunk at byte \(offset) claims \(length) bytes, more than the file holds")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            if chunks.isEmpty, type != "IHDR" {
                throw malformed("the first chunk is \(type), not IHDR")
            }
            let end = offset + 12 + length
            chunks.append(Chunk(type: type, range: offset..<end, dataRange: offset + 8..<offset + 8 + length))
            offset = end
        }
        return chunks
    }

    /// The PNG with Sparkler's chunks right after IHDR, replacing any it had before.
    static func embedding(provenanceJSON json: [UInt8], parameters: String, in bytes: [UInt8]) throws -> [UInt8] {
        try embedding(
            [makeChunk(type: "iTXt", data: internationalText(keyword: provenanceKeyword, text: json)), parametersChunk(parameters)],
            in: bytes
        )
    }

    /// The PNG with a contact sheet's `sparkler-comparison` chunk right after IHDR, replacing any it had.
    static func embedding(comparisonJSON json: [UInt8], in bytes: [UInt8]) throws -> [UInt8] {
        try embedding([makeChunk(type: "iTXt", data: internationalText(keyword: comparisonKeyword, text: json))], in: bytes)
    }

    /// The text of the `sparkler` iTXt chunk, or nil when the file has none.
    static func provenanceJSON(in bytes: [UInt8]) throws -> [UInt8]? {
        try internationalText(keyword: provenanceKeyword, in: bytes)
    }

    /// The text of the `sparkler-comparison` iTXt chunk, or nil when the file has none.
    static func comparisonJSON(in bytes: [UInt8]) throws -> [UInt8]? {
        try internationalText(keyword: comparisonKeyword, in: bytes)
    }

    /// `newChunks` right after IHDR; Sparkler's text chunks already in the file are dropped.
    private static func embedding(_ newChunks: [[UInt8]], in bytes: [UInt8]) throws -> [UInt8] {
        let chunks = try chunks(in: bytes)
        let inserted = newChunks.joined()
        var output = signature
        output.reserveCapacity(bytes.count + inserted.count)
        for (index, chunk) in chunks.enumerated() {
            guard !isSparklerChunk(chunk, in: bytes) else { continue }
            output += bytes[chunk.range]
            if index == 0 { output += inserted }
        }
        if let last = chunks.last {
            output += bytes[last.range.upperBound...]
        }
        return output
    }

    private static func internationalText(keyword name: String, in bytes: [UInt8]) throws -> [UInt8]? {
        for chunk in try chunks(in: bytes) where chunk.type == "iTXt" {
            let data = Array(bytes[chunk.dataRange])
            guard keyword(of: data) == name else { continue }
            let storedCRC = BigEndian.uint32(bytes, at: chunk.dataRange.upperBound)
            guard storedCRC == CRC32.checksum(bytes[chunk.range.lowerBound + 4..<chunk.dataRange.upperBound]) else {
                throw malformed("the \(name) chunk fails its CRC check")
            }
            return try internationalTextBody(of: data, keyword: name)
        }
        return nil
    }

    // MARK: - Chunk building

    static func makeChunk(type: String, data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return BigEndian.bytes(UInt32(data.count)) + typeAndData + BigEndian.bytes(CRC32.checksum(typeAndData))
    }

    /// iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, UTF-8.
    private static func internationalText(keyword: String, text: [UInt8]) -> [UInt8] {
        Array(keyword.utf8) + [0, 0, 0, 0, 0] + text
    }

    /// tEXt when the text is Latin-1 (what older readers expect), else iTXt; NUL would end the text early.
    private static func parametersChunk(_ parameters: String) -> [UInt8] {
        let text = parameters.replacingOccurrences(of: "\0", with: "")
        if text.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
            let latin1 = text.unicodeScalars.map { UInt8($0.value) }
            return makeChunk(type: "tEXt", data: Array(parametersKeyword.utf8) + [0] + latin1)
        }
        return makeChunk(type: "iTXt", data: internationalText(keyword: parametersKeyword, text: Array(text.utf8)))
    }

    // MARK: - Chunk reading

    private static func isSparklerChunk(_ chunk: Chunk, in bytes: [UInt8]) -> Bool {
        guard chunk.type == "iTXt" || chunk.type == "tEXt" else { return false }
        let name = keyword(of: Array(bytes[chunk.dataRange]))
        return name == provenanceKeyword || name == parametersKeyword || name == comparisonKeyword
    }

    private static func keyword(of data: [UInt8]) -> String? {
        guard let end = data.firstIndex(of: 0) else { return nil }
        return String(decoding: data[..<end], as: UTF8.self)
    }

    private static func internationalTextBody(of data: [UInt8], keyword: String) throws -> [UInt8] {
        guard let keywordEnd = data.firstIndex(of: 0), data.count >= keywordEnd + 3 else {
            throw malformed("the \(keyword) chunk is cut short")
        }
        guard data[keywordEnd + 1] == 0 else {
            throw ImageMetadataError.unreadableProvenance(reason: "the \(keyword) chunk is compressed")
        }
        let languageStart = keywordEnd + 3
        guard let languageEnd = data[languageStart...].firstIndex(of: 0),
              let translatedEnd = data[(languageEnd + 1)...].firstIndex(of: 0) else {
            throw malformed("the \(keyword) chunk is cut short")
        }
        return Array(data[(translatedEnd + 1)...])
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func malformed(_ reason: String) -> ImageMetadataError {
        .malformed(.png, reason: reason)
    }
}
