import FireworksTestServer
import Foundation
import GRDB
import SparklerCore
import Testing

/// A picture Fireworks made and billed reaches the user whatever happens to history: through the built
/// binary, a real server and a history database with a damaged page.
@Suite struct UnrecordedPictureTests {
    private static let key = "fw-unrecorded-0123456789"

    @Test func aDamagedHistoryStillDeliversThePictureAndKeepsACopy() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let created = try await cli.run(["history", "list"])
        #expect(created.status == 0, "\(created.stderr)")
        try Self.damageTheEntriesTable(of: cli.dataDirectory.appendingPathComponent("history.sqlite"))

        let output = cli.home.appendingPathComponent("fox.png").path
        let run = try await cli.run(["generate", "a red fox in the snow", "--seed", "77", "-o", output])
        await server.shutdown()

        #expect(server.requests.count == 1)
        #expect(run.status == 7, "\(run.stderr)")
        #expect(run.stderr.contains("The picture was made and billed, but history could not record it"), "\(run.stderr)")
        #expect(run.stderr.contains("cannot be written: the file is damaged"), "\(run.stderr)")
        #expect(!run.stderr.contains("INSERT") && !run.stderr.contains("SQLite"), "no SQL in the message: \(run.stderr)")
        #expect(run.stderr.contains("Written to \(output)."), "\(run.stderr)")

        let delivered = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(try ImageProvenance.read(from: delivered)?.request.prompt == "a red fox in the snow")

        let recoveredFolder = cli.dataDirectory.appendingPathComponent("recovered")
        let copies = try FileManager.default.contentsOfDirectory(atPath: recoveredFolder.path)
        #expect(copies.count == 1)
        let copy = try #require(copies.first)
        #expect(copy.hasSuffix("-77.png"))
        #expect(run.stderr.contains("A copy is kept at \(recoveredFolder.appendingPathComponent(copy).path)"), "\(run.stderr)")
        #expect(try Data(contentsOf: recoveredFolder.appendingPathComponent(copy)) == delivered)

        // Once history works again (here: a new one), the copy goes back into it with its parameters.
        for suffix in ["", "-wal", "-shm"] {
            let file = cli.dataDirectory.appendingPathComponent("history.sqlite\(suffix)")
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        }
        let imported = try await cli.run(["history", "import", recoveredFolder.appendingPathComponent(copy).path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try await cli.run(["history", "list", "--json"])
        #expect(listed.stdout.contains("a red fox in the snow"), "\(listed.stdout)")
    }

    @Test func theOutputFileIsWrittenBeforeHistoryCommitsSoKillingTheCommitLosesNothing() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let created = try await cli.run(["history", "list"])
        #expect(created.status == 0, "\(created.stderr)")

        // History's write lock, held here: the command's commit waits for it (up to its busy timeout). A pool,
        // as the command's own, keeps the WAL file the command's opening needs without writing.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabasePool(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path, configuration: configuration)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }

        let output = cli.home.appendingPathComponent("fox.png")
        let (process, _, stderr) = try cli.start(["generate", "a red fox in the snow", "--seed", "77", "-o", output.path])
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, !FileManager.default.fileExists(atPath: output.path), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        await server.shutdown()

        let log = try String(contentsOf: stderr, encoding: .utf8)
        #expect(wasRunning, "killed while history was still locked: \(log) \(process.terminationStatus)")
        let recoveredFolder = cli.dataDirectory.appendingPathComponent("recovered")
        #expect(!FileManager.default.fileExists(atPath: recoveredFolder.path), "the -o file came first, not after history failed")
        let delivered = try Data(contentsOf: output)
        let provenance = try #require(try ImageProvenance.read(from: delivered))
        #expect(provenance.request.prompt == "a red fox in the snow")
        #expect(provenance.seed == 77)
        let listed = try await cli.run(["history", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(!listed.stdout.contains("red fox"), "the commit never happened: \(listed.stdout)")
    }

    @Test func anOutputFolderThatCannotBeWrittenIsRefusedBeforeTheRequest() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        // Not even root can create a file in /proc.
        let unwritable = try await cli.run(["generate", "a red fox", "-o", "/proc/fox.png"])
        let missing = try await cli.run(["generate", "a red fox", "-o", cli.home.appendingPathComponent("no/such/fox.png").path])
        await server.shutdown()

        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("The folder /proc given in -o cannot be written"), "\(unwritable.stderr)")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist; create it first"), "\(missing.stderr)")
        #expect(server.requests.isEmpty, "nothing was sent, so nothing was paid for")
    }

    /// Overwrites the root page of the table history's rows go in: opening and reading the schema still
    /// work, the first insert finds the page malformed.
    private static func damageTheEntriesTable(of database: URL) throws {
        let (rootPage, pageSize) = try DatabaseQueue(path: database.path).read { db in
            let root = try #require(try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'historyEntry'"))
            let size = try #require(try Int.fetchOne(db, sql: "PRAGMA page_size"))
            return (root, size)
        }
        let wal = database.deletingLastPathComponent().appendingPathComponent("history.sqlite-wal")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int) ?? 0
        #expect(walSize == 0, "every page is in the database file itself")
        let handle = try FileHandle(forWritingTo: database)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((rootPage - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: pageSize))
    }
}
