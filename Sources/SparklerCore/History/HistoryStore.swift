import CSQLite
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
    /// Opened read-only because its folder or database cannot be written: it can be read, and every
    /// change throws `HistoryError.readOnly`.
    public let isReadOnly: Bool
    let database: any DatabaseWriter
    let images: ImageFileStore

    /// Opens (creating if needed) the history in `directory`, migrating it to the current schema and
    /// removing any half-written picture a crashed process left behind (and, once a day, the pictures of rows
    /// that never committed); read-only when it cannot be written.
    public init(directory: URL, appVersion: String) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        self.directory = directory
        self.appVersion = appVersion
        images = ImageFileStore(root: directory.appending(path: "images"))

        let path = directory.appending(path: "history.sqlite").path
        isReadOnly = !Self.canWrite(directory: directory.path, database: path)
        if isReadOnly {
            database = try ReadOnlyHistoryDatabase.open(path, configuration: Self.configuration)
            return
        }
        try images.prepareTemporaryFolder()
        do {
            database = try ExclusiveFileLock.withLock(at: directory.appending(path: "history.lock")) {
                try Self.migrate(path)
                let pool = try DatabasePool(path: path, configuration: Self.configuration)
                try pool.writeWithoutTransaction { db in
                    // GRDB's NORMAL makes a commit durable at the next checkpoint; with no checkpoint on close, that
                    // could be after a paid picture's row is lost to a power cut. FULL syncs the WAL at each commit.
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    // A writer without the WAL hook (sqlite3, an older Sparkler) may have left a long WAL, which
                    // every later process would read back on opening: emptied once, here.
                    if try Self.walPages(path, db) > Int(Self.walCheckpointPages) {
                        try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                    }
                }
                return pool
            }
        } catch let error as DatabaseError {
            // GRDB's text quotes the statement ("BEGIN IMMEDIATE TRANSACTION"), which tells a user nothing.
            throw HistoryError.databaseOpen(path: path, problem: HistoryDatabaseProblem.describe(error))
        }
        sweepOrphanedPicturesIfDue()
    }

    /// Throws unless history can be changed: called first by everything that writes.
    func requireWritable() throws {
        if isReadOnly { throw HistoryError.readOnly(path: directory.path) }
    }

    /// Whether this process may write the folder (new pictures, SQLite's WAL) and the database file.
    /// `access` asks the kernel, so a read-only mount or an immutable file counts even for root.
    private static func canWrite(directory: String, database: String) -> Bool {
        access(directory, W_OK) == 0 && (access(database, F_OK) != 0 || access(database, W_OK) == 0)
    }

    /// Brings the database to the current schema on a connection of its own, closed before the pool opens:
    /// a connection that prepared statements before a migration dropped columns would read rows by the old
    /// column names.
    private static func migrate(_ path: String) throws {
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? connection.close() }
        let migrator = HistoryMigrations.migrator
        try checkNotSuperseded(connection, path: path)
        // Migrating opens a write transaction (and syncs) even with nothing to do: read first.
        if try !connection.read({ try migrator.hasCompletedMigrations($0) }) {
            try migrator.migrate(connection)
        }
    }

    static func checkNotSuperseded(_ connection: some DatabaseReader, path: String) throws {
        if try connection.read({ try HistoryMigrations.migrator.hasBeenSuperseded($0) }) {
            throw HistoryError.newerSchema(path: path)
        }
    }

    /// The WAL's length, in pages, that a commit copies into the database before emptying the WAL. Short, because
    /// each process reads the whole WAL on opening history (its index does not outlive the last connection).
    static let walCheckpointPages: Int32 = 100

    private static let busyMilliseconds: Int32 = 5000

    /// The WAL's length in pages (each frame is a page and a 24-byte header, after the file's 32-byte header).
    private static func walPages(_ path: String, _ db: Database) throws -> Int {
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        return max(0, ((FileStat.size(of: path + "-wal") ?? 0) - 32) / (pageSize + 24))
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        // Another process's write transaction holds the lock for milliseconds; wait rather than fail.
        configuration.busyMode = .timeout(Double(busyMilliseconds) / 1000)
        configuration.label = "sparkler.history"
        // SQLite's last connection to close copies the WAL into the database, syncs both and deletes the WAL; the
        // next process's pool then writes to make a new one: 4 fsyncs and milliseconds of every command. The WAL
        // is kept instead, and emptied by the commit that takes it past `walCheckpointPages`.
        configuration.prepareDatabase { db in
            let status = sparkler_sqlite_keep_wal_on_close(db.sqliteConnection)
            guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
            sparkler_sqlite_truncate_wal_after(db.sqliteConnection, walCheckpointPages, busyMilliseconds)
        }
        return configuration
    }
}
