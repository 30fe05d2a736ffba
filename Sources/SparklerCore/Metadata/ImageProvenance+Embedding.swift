import Foundation

extension ImageProvenance {
    /// The image with this provenance embedded: a `sparkler` iTXt chunk (JSON) and a `parameters` text
    /// chunk after a PNG's IHDR, or a `sparkler:` comment segment near the start of a JPEG. Sparkler
    /// metadata already in the file is replaced. A JPEG whose record would not fit in one segment
    /// (a prompt of tens of kilobytes) comes back unchanged.
    public func embedded(in image: Data) throws -> Data {
        let bytes = Array(image)
        let json = try jsonBytes()
        switch try Self.containerFormat(of: bytes) {
        case .png:
            return Data(try PNGTextChunks.embedding(provenanceJSON: json, parameters: parametersText, in: bytes))
        case .jpeg:
            return try JPEGCommentSegments.embedding(provenanceJSON: json, in: bytes).map { Data($0) } ?? image
        }
    }

    /// The provenance embedded in a PNG or JPEG file's bytes; nil when it carries none.
    /// Throws `ImageMetadataError` when the file is neither format or its structure is broken.
    public static func read(from image: Data) throws -> ImageProvenance? {
        let bytes = Array(image)
        let json: [UInt8]? = switch try containerFormat(of: bytes) {
        case .png: try PNGTextChunks.provenanceJSON(in: bytes)
        case .jpeg: try JPEGCommentSegments.provenanceJSON(in: bytes)
        }
        return try json.map { try ImageProvenance(jsonBytes: $0) }
    }

    static func containerFormat(of bytes: [UInt8]) throws -> ImageFormat {
        if bytes.starts(with: PNGTextChunks.signature) { return .png }
        if bytes.starts(with: [0xFF, 0xD8]) { return .jpeg }
        throw ImageMetadataError.unknownFormat
    }
}
