import Foundation
import GRDB
import Testing
@testable import SparklerCore

@Suite struct HistoryMigrationTests {
    @Test func freshDirectoryIsMigratedToTheLatestSchema() throws {
        let history = try TemporaryHistory()
        let fileManager = FileManager.default
        #expect(fileManager.fileExists(atPath: history.directory.appending(path: "history.sqlite").path))
        #expect(fileManager.fileExists(atPath: history.directory.appending(path: "images/tmp").path))
        let (migrations, tables, journalMode) = try history.store.database.read { db in
            (
                try HistoryMigrations.migrator.completedMigrations(db),
                try ["historyEntry", "historyEntry_ft"].filter { try db.tableExists($0) },
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(migrations == ["v1", "v2", "v3", "v4"])
        #expect(tables == ["historyEntry", "historyEntry_ft"])
        #expect(journalMode == "wal")
        #expect(try history.integrityCheck() == "ok")
    }

    @Test func reopeningKeepsRowsAndRunsNothingTwice() throws {
        let history = try TemporaryHistory()
        try history.store.record(
            request: HistoryFixtures.request(), backend: "fireworks",
            result: HistoryFixtures.result([HistoryFixtures.picture()])
        )
        let reopened = try history.openAnother()
        #expect(try reopened.count() == 1)
        #expect(try reopened.database.read(HistoryMigrations.migrator.appliedMigrations) == ["v1", "v2", "v3", "v4"])
    }

    @Test func historyFromANewerSparklerIsRefused() throws {
        let history = try TemporaryHistory()
        try history.store.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        let path = history.directory.appending(path: "history.sqlite").path
        #expect(throws: HistoryError.newerSchema(path: path)) { try history.openAnother() }
    }

    /// A row whose stored request was damaged (by hand, or by a newer Sparkler) names itself and what is wrong.
    /// A history file that is not a database says so in words when history opens, not with GRDB's text
    /// quoting the statement it was running.
    @Test func aDamagedHistoryFileIsExplainedInWordsWhenOpened() throws {
        let history = try TemporaryHistory()
        let file = history.directory.appending(path: "history.sqlite")
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: file.path + suffix)
        }
        try Data(repeating: 0x5A, count: 8192).write(to: file)
        do {
            _ = try history.openAnother()
            Issue.record("a file of Z bytes was opened as a history")
        } catch let error as HistoryError {
            #expect("\(error)".contains("cannot be opened: the file is damaged"), "\(error)")
            #expect(!"\(error)".contains("SQLite error"), "\(error)")
        }
    }

    @Test(arguments: [
        (#"{"model": "m"}"#, "its stored request lacks \"prompt\""),
        (#"{"model": "m", "prompt": "p", "seed": "seven", "samples": 1, "format": "png", "safetyCheck": false, "mode": {"kind": "text-to-image"}}"#,
         "its stored request has a wrong value at \"seed\""),
        ("not json", "its stored request is not JSON"),
    ])
    func aDamagedRequestNamesItsEntry(document: String, reason: String) throws {
        let history = try TemporaryHistory()
        let entry = try history.store.recordFailure(request: HistoryFixtures.request(), backend: "fireworks", message: "HTTP 503")
        let id = try #require(entry.id)
        try history.store.database.write { db in
            try db.execute(sql: "UPDATE historyEntry SET request = ? WHERE id = ?", arguments: [document, id])
        }
        #expect(throws: HistoryError.unreadableRequest(entryID: id, reason: reason)) { try history.store.entries() }
        // A page sets it aside and still gives the rows around it.
        try history.store.recordFailure(request: HistoryFixtures.request(), backend: "fireworks", message: "HTTP 500")
        let page = try history.store.page()
        #expect(page.entries.count == 1 && page.rowCount == 2)
        #expect(page.unreadable == [.unreadableRequest(entryID: id, reason: reason)])
    }
}
