import Foundation
import GRDB

/// The history schema, one named migration per release that changed it.
///
/// A released migration is never edited: a change is a new migration ("v2", ...). Migrations name
/// columns as strings, not through `HistoryEntry`, so that they keep meaning what they meant.
enum HistoryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createHistory)
        migrator.registerMigration("v2", migrate: storeRequestsAsDocuments)
        migrator.registerMigration("v3", migrate: addRemoteRequestsEditsAndCost)
        migrator.registerMigration("v4", migrate: indexWordPrefixes)
        return migrator
    }

    private static func createHistory(_ db: Database) throws {
        try db.create(table: "historyEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("createdAt", .datetime).notNull()
            t.column("groupID", .text).notNull().indexed()
            t.column("backend", .text).notNull()
            t.column("model", .text).notNull()
            t.column("mode", .text).notNull()
            t.column("prompt", .text).notNull()
            t.column("negativePrompt", .text)
            t.column("width", .integer)
            t.column("height", .integer)
            t.column("aspectRatio", .text)
            t.column("cfgScale", .double)
            t.column("steps", .integer)
            t.column("sampler", .text)
            t.column("requestedSeed", .integer).notNull()
            t.column("seed", .integer)
            t.column("samples", .integer).notNull()
            t.column("format", .text).notNull()
            t.column("jpegQuality", .integer)
            t.column("safetyCheck", .boolean).notNull()
            t.column("stylePreset", .text)
            t.column("loraAdapterName", .text)
            t.column("loraWeightFilename", .text)
            t.column("initImageMode", .text)
            t.column("imageStrength", .double)
            t.column("scheduleStart", .double)
            t.column("scheduleEnd", .double)
            t.column("cropPadding", .boolean)
            t.column("controlNetName", .text)
            t.column("conditioningScale", .double)
            t.column("inputImageHash", .text).indexed()
            t.column("inputImageFormat", .text)
            t.column("inputImageName", .text)
            t.column("outcome", .text).notNull()
                .check { ["success", "filtered", "failed"].contains($0) }
                .indexed()
            t.column("errorMessage", .text)
            t.column("totalMilliseconds", .integer)
            t.column("attempts", .integer)
            t.column("serverMilliseconds", .integer)
            t.column("stepsBilled", .integer)
            t.column("imageHash", .text).indexed()
            t.column("imageFormat", .text)
            t.column("imageWidth", .integer)
            t.column("imageHeight", .integer)
            // An index on one column also orders its equal keys by rowid, which is what
            // "favourites, newest first, before id N" walks.
            t.column("isFavourite", .boolean).notNull().defaults(to: false).indexed()
        }
        try db.create(virtualTable: "historyEntry_ft", using: FTS5()) { t in
            t.synchronize(withTable: "historyEntry")
            t.tokenizer = .unicode61()
            t.column("prompt")
            t.column("negativePrompt")
        }
    }

    /// v2: each row's request becomes one JSON document (`GenerationRequest`'s, version 1) in `request`; the
    /// 24 columns that spelled it out go. The prompts stay beside it for full-text search.
    private static func storeRequestsAsDocuments(_ db: Database) throws {
        try db.alter(table: "historyEntry") { t in
            t.add(column: "request", .text).notNull().defaults(to: "{}")
            t.add(column: "requestVersion", .integer).notNull().defaults(to: 1)
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM historyEntry") {
            let document = String(decoding: try HistoryEntry.documentEncoder.encode(HistoryRowV1(row).request), as: UTF8.self)
            try db.execute(sql: "UPDATE historyEntry SET request = ? WHERE id = ?", arguments: [document, row["id"]])
        }
        try db.alter(table: "historyEntry") { t in
            for column in HistoryRowV1.requestColumns {
                t.drop(column: column)
            }
        }
    }
}

extension HistoryMigrations {
    /// v3: the server's id for a request that ran on its own time (FLUX Kontext), the entry a picture edits
    /// (the chain of edits), and what the row cost in millionths of a dollar (sums stay exact).
    fileprivate static func addRemoteRequestsEditsAndCost(_ db: Database) throws {
        try db.alter(table: "historyEntry") { t in
            t.add(column: "remoteRequestID", .text)
            t.add(column: "editedEntryID", .integer).indexed()
            t.add(column: "costMicros", .integer)
        }
    }
}

extension HistoryMigrations {
    /// v4: the full-text index keeps two- and three-letter prefixes too, so a search whose last word is still
    /// being typed ("sunset oce") walks the matches newest first and stops after a page, instead of first
    /// merging the entries of every word that begins so (100,000 entries: a page took 3.7 ms, now 0.5 ms).
    fileprivate static func indexWordPrefixes(_ db: Database) throws {
        try db.dropFTS5SynchronizationTriggers(forTable: "historyEntry_ft")
        try db.drop(table: "historyEntry_ft")
        try db.create(virtualTable: "historyEntry_ft", using: FTS5()) { t in
            t.synchronize(withTable: "historyEntry")
            t.tokenizer = .unicode61()
            t.prefixes = [2, 3]
            t.column("prompt")
            t.column("negativePrompt")
        }
    }
}

/// A row as v1 stored it, one column per parameter: what the v2 migration reads.
private struct HistoryRowV1 {
    static let requestColumns = [
        "model", "mode", "width", "height", "aspectRatio", "cfgScale", "steps", "sampler", "requestedSeed", "samples",
        "format", "jpegQuality", "safetyCheck", "stylePreset", "loraAdapterName", "loraWeightFilename", "initImageMode",
        "imageStrength", "scheduleStart", "scheduleEnd", "cropPadding", "controlNetName", "conditioningScale", "inputImageName",
    ]

    let row: Row

    init(_ row: Row) {
        self.row = row
    }

    /// Every row v1 wrote is complete; a value missing from a row edited by hand takes the default the
    /// form would have offered, so that no row is lost.
    var request: GenerationRequest {
        var shape: ImageShape?
        if let width: Int = row["width"], let height: Int = row["height"] {
            shape = .size(ImageSize(width: width, height: height))
        } else if let ratio: String = row["aspectRatio"] {
            shape = .aspectRatio(ratio)
        }
        return GenerationRequest(
            model: row["model"], prompt: row["prompt"], negativePrompt: row["negativePrompt"], shape: shape,
            cfgScale: row["cfgScale"], steps: row["steps"], seed: row["requestedSeed"],
            sampler: (row["sampler"] as String?).flatMap(Sampler.init(rawValue:)), samples: row["samples"],
            format: (row["format"] as String?).flatMap(ImageFormat.init(rawValue:)) ?? .jpeg, jpegQuality: row["jpegQuality"],
            safetyCheck: row["safetyCheck"], stylePreset: row["stylePreset"], loraAdapterName: row["loraAdapterName"],
            loraWeightFilename: row["loraWeightFilename"], mode: mode
        )
    }

    private var mode: GenerationMode {
        let image = InputImage(data: Data(), fileName: row["inputImageName"] ?? "input image")
        let cropPadding: Bool = row["cropPadding"] ?? true
        switch GenerationModeKind(rawValue: row["mode"]) {
        case .imageToImage:
            let schedule: InitImageSchedule = switch row["initImageMode"] as String? {
            case InitImageSchedule.Kind.stepSchedule.rawValue:
                .stepSchedule(start: row["scheduleStart"] ?? 0, end: row["scheduleEnd"] ?? 1)
            default:
                .imageStrength(row["imageStrength"] ?? 0.5)
            }
            return .imageToImage(InitImage(image: image, schedule: schedule, cropPadding: cropPadding))
        case .controlNet:
            let defaults = ControlNetSettings(image: image, netName: row["controlNetName"] ?? "canny")
            return .controlNet(ControlNetSettings(
                image: image, netName: defaults.netName,
                conditioningScale: row["conditioningScale"] ?? defaults.conditioningScale,
                stepScheduleStart: row["scheduleStart"] ?? defaults.stepScheduleStart,
                stepScheduleEnd: row["scheduleEnd"] ?? defaults.stepScheduleEnd, cropPadding: cropPadding
            ))
        case .edit:
            return .edit(image)
        case .textToImage, nil:
            return .textToImage
        }
    }
}
