/// Reads and writes Sparkler's comment (COM, 0xFFFE) segment in a JPEG file without decoding it.
///
/// A segment is 0xFF, a marker byte, then (for most markers) a big-endian length that counts itself.
enum JPEGCommentSegments {
    static let provenancePrefix = Array("sparkler:".utf8)
    /// A segment's length field counts itself and is 16 bits.
    static let maxPayload = 0xFFFF - 2

    private static let startOfImage: UInt8 = 0xD8
    private static let endOfImage: UInt8 = 0xD9
    private static let startOfScan: UInt8 = 0xDA
    private static let comment: UInt8 = 0xFE
    private static let applicationSegments: ClosedRange<UInt8> = 0xE0...0xEF

    struct Segment {
        var marker: UInt8
        /// The whole segment, from its 0xFF.
        var range: Range<Int>
        var payloadRange: Range<Int>
    }

    /// The segments before the entropy-coded data, the start-of-scan header last.
    static func headerSegments(in bytes: [UInt8]) throws -> [Segment] {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == startOfImage else {
            throw malformed("the JPEG start-of-image marker is missing")
        }
        var segments: [Segment] = []
        var offset = 2
        while segments.last?.marker != startOfScan {
            guard offset < bytes.count, bytes[offset] == 0xFF else {
                throw malformed("no marker at byte \(offset) where one should start")
            }
            var markerOffset = offset + 1
            while markerOffset < bytes.count, bytes[markerOffset] == 0xFF { markerOffset += 1 }  // fill bytes
            guard markerOffset + 2 < bytes.count else {
                throw malformed("the file ends at byte \(bytes.count) before the image data")
            }
            let marker = bytes[markerOffset]
            guard marker != endOfImage else { throw malformed("the image ends before any image data") }
            let length = BigEndian.uint16(bytes, at: markerOffset + 1)
            let end = markerOffset + 1 + length
            guard length >= 2, end <= bytes.count else {
                throw malformed("the segment at byte \(offset) claims \(length) bytes, more than the file holds")
            }
            segments.append(Segment(marker: marker, range: offset..<end, payloadRange: markerOffset + 3..<end))
            offset = end
        }
        return segments
    }

    /// The JPEG with Sparkler's comment after its leading APPn segments (JFIF and Exif readers expect
    /// those first), replacing any Sparkler comment it had. Returns nil when the text is too long for
    /// one segment.
    static func embedding(provenanceJSON json: [UInt8], in bytes: [UInt8]) throws -> [UInt8]? {
        let payload = provenancePrefix + json
        guard payload.count <= maxPayload else { return nil }
        let segments = try headerSegments(in: bytes)
        let commentSegment = [0xFF, comment] + BigEndian.bytes(UInt16(payload.count + 2)) + payload
        let insertBefore = segments.firstIndex { !applicationSegments.contains($0.marker) } ?? segments.count

        var output: [UInt8] = [0xFF, startOfImage]
        output.reserveCapacity(bytes.count + commentSegment.count)
        for (index, segment) in segments.enumerated() {
            if index == insertBefore { output += commentSegment }
            guard !isSparklerComment(segment, in: bytes) else { continue }
            output += bytes[segment.range]
        }
        if let last = segments.last {
            output += bytes[last.range.upperBound...]
        }
        return output
    }

    /// The JSON after `sparkler:` in the first Sparkler comment, or nil when the file has none.
    static func provenanceJSON(in bytes: [UInt8]) throws -> [UInt8]? {
        for segment in try headerSegments(in: bytes) where isSparklerComment(segment, in: bytes) {
            return Array(bytes[segment.payloadRange.dropFirst(provenancePrefix.count)])
        }
        return nil
    }

    private static func isSparklerComment(_ segment: Segment, in bytes: [UInt8]) -> Bool {
        segment.marker == comment && bytes[segment.payloadRange].starts(with: provenancePrefix)
    }

    private static func malformed(_ reason: String) -> ImageMetadataError {
        .malformed(.jpeg, reason: reason)
    }
}
