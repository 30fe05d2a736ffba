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
                return try checked(DatabaseQueue(path: immutableURI(path), configuration: configuration), path: path)
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

    /// `file:` URI with SQLite's `immutable` parameter; `?`, `#` and `%` in the path are escaped.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)?immutable=1"
    }
}
