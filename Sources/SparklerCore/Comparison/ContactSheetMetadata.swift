import Foundation

/// Every cell of a contact sheet with the parameters that made it (or were asked for), embedded in the
/// sheet's PNG as a `sparkler-comparison` iTXt chunk of JSON.
public struct ContactSheetMetadata: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case success, filtered, failed, cancelled
    }

    public struct Cell: Codable, Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var label: String
        public var outcome: Outcome
        public var error: String?
        /// The cell's history row, when it has one.
        public var historyID: Int64?
        public var provenance: ImageProvenance
    }

    public var rows: Int
    public var columns: Int
    public var cells: [Cell]

    /// The metadata embedded in a contact sheet's PNG bytes; nil when it carries none.
    /// Throws `ImageMetadataError` when the bytes are not a sound PNG or the JSON is not a sheet's.
    public static func read(from png: Data) throws -> ContactSheetMetadata? {
        guard let json = try PNGTextChunks.comparisonJSON(in: Array(png)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ContactSheetMetadata.self, from: Data(json))
        } catch {
            throw ImageMetadataError.unreadableProvenance(reason: "the JSON does not describe a Sparkler contact sheet")
        }
    }

    func embedded(in png: Data) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = DateText.jsonEncoding
        return Data(try PNGTextChunks.embedding(comparisonJSON: Array(try encoder.encode(self)), in: Array(png)))
    }
}
