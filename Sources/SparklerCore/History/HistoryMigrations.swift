import GRDB

/// The history schema, one named migration per release that changed it.
///
/// A released migration is never edited: a change is a new migration ("v2", ...). Migrations name
/// columns as strings, not through `HistoryEntry`, so that they keep meaning what they meant.
enum HistoryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createHistory)
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
}
