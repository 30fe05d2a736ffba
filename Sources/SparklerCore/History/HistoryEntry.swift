import Foundation
import GRDB

/// One picture in the history (or one failed request), with the request that made it.
///
/// The request is stored whole, as one JSON document (`GenerationRequest`'s, version `requestVersion`);
/// beside it only what search, filters and the files need. Rows that one request or one comparison made
/// share a `groupID`.
public struct HistoryEntry: Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case success
        /// The backend's safety filter replaced the picture; no image is stored.
        case filtered
        /// The request failed; `errorMessage` says why, and no image is stored.
        case failed
    }

    /// nil until inserted; ids grow with time and are never reused.
    public var id: Int64?
    public var createdAt: Date
    public var groupID: String
    /// `fireworks`, `local`.
    public var backend: String
    /// The validated request, its input image named but not carried (`inputImageHash` finds its bytes).
    public private(set) var request: GenerationRequest
    public private(set) var requestVersion: Int
    /// The request's prompts, kept beside the document for full-text search.
    public private(set) var prompt: String
    public private(set) var negativePrompt: String?
    /// The seed the backend used for this picture; nil when it made none.
    public var seed: Int?
    /// The init or control image, stored content-addressed beside the pictures.
    public var inputImageHash: String?
    /// Its file extension: `png`, `jpg`, `webp`, `gif` or `bin`.
    public var inputImageFormat: String?
    public var outcome: Outcome
    public var errorMessage: String?
    /// The request's timings, shared by every picture it made.
    public var totalMilliseconds: Int?
    public var attempts: Int?
    public var serverMilliseconds: Int?
    /// This picture's share of the steps the request billed, so that sums over rows are exact.
    public var stepsBilled: Int?
    /// SHA-256 of the stored file (provenance included); nil when no picture was stored.
    public var imageHash: String?
    public var imageFormat: ImageFormat?
    public var imageWidth: Int?
    public var imageHeight: Int?
    public var isFavourite = false
    /// The server's id for a request that ran on its own time (FLUX Kontext's `request_id`), success or not.
    public var remoteRequestID: String?
    /// The entry whose picture this one edits, when it is an edit of a picture in history.
    public var editedEntryID: Int64?
    /// What this row cost, in millionths of a dollar, by the prices in force when it was made; nil offline
    /// or when no price was known.
    public var costMicros: Int?

    /// A row for `request` (its input image is kept by name only), before its outcome adds a picture,
    /// a seed or an error.
    init(request: GenerationRequest, backend: String, groupID: String, createdAt: Date, outcome: Outcome) {
        var named = request
        named.mode = request.mode.image.map { request.mode.replacingImage(with: $0.named) } ?? request.mode
        self.createdAt = Self.timestamp(createdAt)
        self.groupID = groupID
        self.backend = backend
        self.request = named
        requestVersion = GenerationRequest.documentVersion
        prompt = request.prompt
        negativePrompt = request.negativePrompt
        self.outcome = outcome
    }

    /// The full `accounts/A/models/M` path.
    public var model: String { request.model }
    public var mode: GenerationModeKind { request.mode.kind }

    public static let databaseTableName = "historyEntry"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// A fresh id for rows that belong together.
    public static func newGroupID() -> String {
        UUID().uuidString.lowercased()
    }

    /// Whole seconds: what the database and the embedded provenance both keep exactly, so that a row
    /// reads back equal to the value that was inserted.
    static func timestamp(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The size of the stored picture, when there is one.
    public var imageSize: ImageSize? {
        guard let imageWidth, let imageHeight else { return nil }
        return ImageSize(width: imageWidth, height: imageHeight)
    }

}

extension HistoryEntry {
    public enum Columns {
        public static let id = Column("id")
        public static let groupID = Column("groupID")
        public static let prompt = Column("prompt")
        public static let outcome = Column("outcome")
        public static let imageHash = Column("imageHash")
        public static let inputImageHash = Column("inputImageHash")
        public static let isFavourite = Column("isFavourite")
        public static let editedEntryID = Column("editedEntryID")
    }

    /// Spelled out: the request comes whole from its JSON column, and a row that cannot be read says which.
    public init(row: Row) throws {
        id = row["id"]
        createdAt = row["createdAt"]
        groupID = row["groupID"]
        backend = row["backend"]
        let document: String = row["request"]
        do {
            request = try JSONDecoder().decode(GenerationRequest.self, from: Data(document.utf8))
        } catch {
            throw HistoryError.unreadableRequest(entryID: row["id"], reason: "its stored request \(Self.explain(error))")
        }
        requestVersion = row["requestVersion"]
        prompt = row["prompt"]
        negativePrompt = row["negativePrompt"]
        seed = row["seed"]
        inputImageHash = row["inputImageHash"]
        inputImageFormat = row["inputImageFormat"]
        outcome = try Self.decoded(Outcome.self, row["outcome"], column: "outcome", id: row["id"])
        errorMessage = row["errorMessage"]
        totalMilliseconds = row["totalMilliseconds"]
        attempts = row["attempts"]
        serverMilliseconds = row["serverMilliseconds"]
        stepsBilled = row["stepsBilled"]
        imageHash = row["imageHash"]
        imageFormat = try (row["imageFormat"] as String?).map { try Self.decoded(ImageFormat.self, $0, column: "imageFormat", id: row["id"]) }
        imageWidth = row["imageWidth"]
        imageHeight = row["imageHeight"]
        isFavourite = row["isFavourite"]
        remoteRequestID = row["remoteRequestID"]
        editedEntryID = row["editedEntryID"]
        costMicros = row["costMicros"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["createdAt"] = DateText.sqlite(createdAt)
        container["groupID"] = groupID
        container["backend"] = backend
        container["request"] = String(decoding: try Self.documentEncoder.encode(request), as: UTF8.self)
        container["requestVersion"] = requestVersion
        container["prompt"] = prompt
        container["negativePrompt"] = negativePrompt
        container["seed"] = seed
        container["inputImageHash"] = inputImageHash
        container["inputImageFormat"] = inputImageFormat
        container["outcome"] = outcome.rawValue
        container["errorMessage"] = errorMessage
        container["totalMilliseconds"] = totalMilliseconds
        container["attempts"] = attempts
        container["serverMilliseconds"] = serverMilliseconds
        container["stepsBilled"] = stepsBilled
        container["imageHash"] = imageHash
        container["imageFormat"] = imageFormat?.rawValue
        container["imageWidth"] = imageWidth
        container["imageHeight"] = imageHeight
        container["isFavourite"] = isFavourite
        container["remoteRequestID"] = remoteRequestID
        container["editedEntryID"] = editedEntryID
        container["costMicros"] = costMicros
    }

    /// Sorted keys: equal requests are equal text.
    static var documentEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// What a decoding failure means for a stored request, in a few words.
    private static func explain(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "lacks \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "has a wrong value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            "has a wrong value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: "is not JSON"
        }
    }

    private static func decoded<Value: RawRepresentable<String>>(_ type: Value.Type, _ text: String, column: String, id: Int64?) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw HistoryError.unreadableRequest(entryID: id, reason: "\(column) \"\(text)\" is not one Sparkler knows")
        }
        return value
    }
}
