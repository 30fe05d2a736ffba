import Foundation
import GRDB

/// Opens a history that cannot be written, for reading only.
enum ReadOnlyHistoryDatabase {
    /// SQLite's read-only mode needs to keep its WAL index (`-shm`) beside the file; where nothing can
    /// be created there, the file is opened as immutable instead: no writer can be changing it either.
    static func open(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HistoryError.readOnlyUnreadable(path: path, problem: "it does not exist yet, and its folder cannot be written to create it")
        }
        var configuration = configuration
        configuration.readonly = true
        do {
            do {
                return try checked(DatabaseQueue(path: path, configuration: configuration), path: path)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
                return try checked(openImmutable(path, configuration: configuration), path: path)
            }
        } catch let error as DatabaseError {
            throw HistoryError.readOnlyUnreadable(path: path, problem: HistoryDatabaseProblem.describe(error))
        }
    }

    /// A connection whose schema this Sparkler reads as it is: it cannot migrate what it cannot write.
    private static func checked(_ queue: DatabaseQueue, path: String) throws -> DatabaseQueue {
        try HistoryStore.checkNotSuperseded(queue, path: path)
        guard try queue.read({ try HistoryMigrations.migrator.hasCompletedMigrations($0) }) else {
            throw HistoryError.readOnlyOutdated(path: path)
        }
        return queue
    }

    /// `immutable` reads the database file alone, and the latest entries may be in the WAL (history empties it only
    /// every 100 pages), which SQLite reads only through an index it cannot make here: a WAL with frames is folded
    /// into a private copy, which is opened instead (and unlinked at once: the open connection keeps it).
    private static func openImmutable(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        guard (FileStat.size(of: path + "-wal") ?? 0) > walHeaderBytes else {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "sparkler-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appending(path: "history.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        let folding = try DatabaseQueue(path: copy)
        try folding.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try folding.close()
        return try DatabaseQueue(path: immutableURI(copy), configuration: configuration)
    }

    private static let walHeaderBytes = 32

    /// `file:` URI with SQLite's `immutable` parameter; `?`, `#` and `%` in the path are escaped.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)?immutable=1"
    }
}
