import Foundation
import GRDB

/// The history of everything made: a SQLite database (`history.sqlite`) and the pictures beside it
/// (`images/`), in one directory that several Sparkler processes may use at once.
///
/// Every method is synchronous and safe to call from any thread or task; calls wait at most a few
/// seconds for another process's write to finish.
public final class HistoryStore: Sendable {
    public let directory: URL
    /// Written into every picture's provenance.
    public let appVersion: String
    let database: DatabasePool
    let images: ImageFileStore

    /// Opens (creating if needed) the history in `directory`, migrating it to the current schema and
    /// removing any half-written picture a crashed process left behind.
    public init(directory: URL, appVersion: String) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        self.directory = directory
        self.appVersion = appVersion
        images = try ImageFileStore(root: directory.appending(path: "images"))
        images.removeAbandonedTemporaryFiles()

        let path = directory.appending(path: "history.sqlite").path
        database = try ExclusiveFileLock.withLock(at: directory.appending(path: "history.lock")) {
            try Self.migrate(path)
            return try DatabasePool(path: path, configuration: Self.configuration)
        }
    }

    /// Brings the database to the current schema on a connection of its own, closed before the pool opens:
    /// a connection that prepared statements before a migration dropped columns would read rows by the old
    /// column names.
    private static func migrate(_ path: String) throws {
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? connection.close() }
        let migrator = HistoryMigrations.migrator
        if try connection.read({ try migrator.hasBeenSuperseded($0) }) {
            throw HistoryError.newerSchema(path: path)
        }
        // Migrating opens a write transaction (and syncs) even with nothing to do: read first.
        if try !connection.read({ try migrator.hasCompletedMigrations($0) }) {
            try migrator.migrate(connection)
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        // Another process's write transaction holds the lock for milliseconds; wait rather than fail.
        configuration.busyMode = .timeout(5)
        configuration.label = "sparkler.history"
        return configuration
    }
}
