import Foundation
import GRDB

/// One picture in the history (or one failed request), with every parameter that made it.
///
/// Rows that one request or one comparison made share a `groupID`. Fields that only some modes or
/// models use are nil elsewhere; `sampler` nil means the model's default.
public struct HistoryEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
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
    /// The full `accounts/A/models/M` path.
    public var model: String
    public var mode: GenerationModeKind
    public var prompt: String
    public var negativePrompt: String?
    /// The size asked for (SD-family models).
    public var width: Int?
    public var height: Int?
    /// The aspect ratio asked for (FLUX-family models).
    public var aspectRatio: String?
    public var cfgScale: Double?
    public var steps: Int?
    public var sampler: Sampler?
    /// 0 asked the backend for a random seed.
    public var requestedSeed: Int
    /// The seed the backend used for this picture; nil when it made none.
    public var seed: Int?
    public var samples: Int
    public var format: ImageFormat
    public var jpegQuality: Int?
    public var safetyCheck: Bool
    public var stylePreset: String?
    public var loraAdapterName: String?
    public var loraWeightFilename: String?
    public var initImageMode: InitImageSchedule.Kind?
    public var imageStrength: Double?
    /// The step schedule of an image-to-image (`STEP_SCHEDULE`) or ControlNet request.
    public var scheduleStart: Double?
    public var scheduleEnd: Double?
    public var cropPadding: Bool?
    public var controlNetName: String?
    public var conditioningScale: Double?
    /// The init or control image, stored content-addressed beside the pictures.
    public var inputImageHash: String?
    /// Its file extension: `png`, `jpg`, `webp`, `gif` or `bin`.
    public var inputImageFormat: String?
    /// The file name it was read from, as the request named it.
    public var inputImageName: String?
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

    /// The size or aspect ratio the request asked for.
    public var requestedShape: ImageShape? {
        if let width, let height { return .size(ImageSize(width: width, height: height)) }
        return aspectRatio.map { .aspectRatio($0) }
    }
}

extension HistoryEntry {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let groupID = Column(CodingKeys.groupID)
        public static let outcome = Column(CodingKeys.outcome)
        public static let imageHash = Column(CodingKeys.imageHash)
        public static let inputImageHash = Column(CodingKeys.inputImageHash)
        public static let isFavourite = Column(CodingKeys.isFavourite)
    }
}
