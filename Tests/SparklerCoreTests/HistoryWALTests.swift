import Foundation
import GRDB
import Testing
@testable import SparklerCore

/// Each command opens history, records and exits. Closing no longer copies the WAL into the database and deletes
/// it (the cost of every command); the commit that takes the WAL past `walCheckpointPages` empties it instead.
@Suite struct HistoryWALTests {
    private let directory = FileManager.default.temporaryDirectory.appending(path: "sparkler-wal-\(UUID().uuidString)")
    private var wal: URL { directory.appending(path: "history.sqlite-wal") }

    /// One command: open, record a picture, close.
    private func recordInOwnStore(_ index: Int) throws {
        let store = try HistoryStore(directory: directory, appVersion: "test")
        try store.record(
            request: HistoryFixtures.request(prompt: "picture \(index)", seed: index),
            backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(index % 256), seed: index)]))
    }

    private func walFrames() throws -> Int {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int)
        return size <= 32 ? 0 : (size - 32) / (4096 + 24)
    }

    /// What the database file says without its WAL: SQLite's `immutable` reads the file alone.
    private func entriesInTheDatabaseFileAlone() throws -> Int {
        let file = try DatabaseQueue(
            path: ReadOnlyHistoryDatabase.immutableURI(directory.appending(path: "history.sqlite").path),
            configuration: { var configuration = Configuration(); configuration.readonly = true; return configuration }())
        return try file.read { db in
            // A history whose every commit is still in the WAL has no table in the file yet.
            try db.tableExists("historyEntry") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM historyEntry") ?? -1 : 0
        }
    }

    @Test func aClosedStoreLeavesItsCommitsInTheWALForTheNextToRead() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try recordInOwnStore(1)
        #expect(try walFrames() > 0, "the close kept the WAL")
        #expect(try entriesInTheDatabaseFileAlone() == 0, "the close copied nothing into the database")
        let next = try HistoryStore(directory: directory, appVersion: "test")
        #expect(try next.entries(HistoryQuery(limit: 5)).map(\.prompt) == ["picture 1"])
    }

    /// sqlite3, or an older Sparkler, writes without the hook: opening history empties what it left.
    @Test func aLongWALAnotherWriterLeftIsEmptiedOnOpening() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try recordInOwnStore(1)
        do {
            // Kept open, the store's connection keeps the foreign connection's close from checkpointing, and its
            // own close does not: the WAL stays as the foreign writer left it.
            let keeper = try HistoryStore(directory: directory, appVersion: "test")
            let foreign = try DatabaseQueue(path: directory.appending(path: "history.sqlite").path)
            try foreign.write { db in
                try db.execute(sql: "CREATE TABLE notes (text TEXT)")
                for _ in 0..<300 { try db.execute(sql: "INSERT INTO notes VALUES (?)", arguments: [String(repeating: "x", count: 3000)]) }
            }
            try foreign.close()
            #expect(try keeper.count() == 1)
        }
        #expect(try walFrames() > Int(HistoryStore.walCheckpointPages))
        let store = try HistoryStore(directory: directory, appVersion: "test")
        #expect(try walFrames() == 0)
        #expect(try store.count() == 1)
        #expect(try store.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM notes") } == 300)
    }

    /// A reader in the middle of a read (another process, a user's sqlite3) keeps the WAL from being emptied; the
    /// commit does not wait for it (which would hold each commit for the 5 s busy timeout: the time limit catches
    /// that), and the first commit after it emptied the WAL.
    @Test(.timeLimit(.minutes(1))) func aBusyReaderLeavesTheWALForALaterCommit() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try recordInOwnStore(0)
        let store = try HistoryStore(directory: directory, appVersion: "test")
        let reader = try DatabaseQueue(path: directory.appending(path: "history.sqlite").path)
        try reader.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM historyEntry") == 1)
            for index in 1...30 {
                try store.record(
                    request: HistoryFixtures.request(prompt: "picture \(index)", seed: index),
                    backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(index), seed: index)]))
            }
            #expect(try walFrames() > Int(HistoryStore.walCheckpointPages), "emptied under a reader")
        }
        try store.record(
            request: HistoryFixtures.request(prompt: "after the reader", seed: 99),
            backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture(gray: 99, seed: 99)]))
        #expect(try walFrames() == 0)
        #expect(try store.count() == 32)
    }

    /// With no checkpoint at exit to make commits durable, the writer syncs the WAL at each commit (FULL, not GRDB's
    /// NORMAL, which leaves the last commits to a power cut until the next checkpoint).
    @Test func theWriterSyncsEveryCommit() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try HistoryStore(directory: directory, appVersion: "test")
        let synchronous = try store.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "FULL is 2, NORMAL 1")
    }

    @Test func theWALIsEmptiedOnceACommitTakesItPastItsLength() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var frames: [Int] = []
        for index in 1...40 {
            try recordInOwnStore(index)
            frames.append(try walFrames())
        }
        let perCommit = zip(frames, frames.dropFirst()).map { $1 - $0 }.max() ?? 0
        #expect(perCommit > 0)
        // Without the truncation each process re-indexes every frame and appends more: 40 commits grow it past 200.
        #expect(frames.allSatisfy { $0 < Int(HistoryStore.walCheckpointPages) + 2 * perCommit }, "\(frames)")
        #expect(frames.contains(0), "emptied at least once: \(frames)")
        #expect(try entriesInTheDatabaseFileAlone() > 0, "the emptied WAL's commits are in the database")
        let store = try HistoryStore(directory: directory, appVersion: "test")
        #expect(try store.count() == 40)
        #expect(try store.database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
