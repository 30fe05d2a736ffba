import FireworksTestServer
import Foundation
import GRDB
@testable import SparklerCore
import Testing

/// History through the built binary: the commands, two processes at once, and a process killed mid-save.
@Suite struct HistoryCommandTests {
    private static let key = "fw-history-secret-0123456789"

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private func generate(_ cli: SparklerProcess, _ prompt: String, extra: [String] = []) async throws -> Int {
        let run = try await cli.run(["generate", prompt, "--json"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try #require(try json(run.stdout) as? [[String: Any]])
        return try #require(results.first?["id"] as? Int)
    }

    @Test func showFavoriteExportRemoveAndImport() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let lighthouse = try await generate(cli, "a lighthouse at dusk", extra: ["--format", "png", "--seed", "99"])
        let fox = try await generate(cli, "a red fox")
        await server.shutdown()

        let shown = try await cli.run(["history", "show", "\(lighthouse)"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("a lighthouse at dusk"))
        #expect(shown.stdout.contains("99"))

        #expect(try await cli.run(["history", "favorite", "\(lighthouse)"]).status == 0)
        let favourites = try #require(try json(try await cli.run(["history", "list", "--favorites", "--json"]).stdout) as? [[String: Any]])
        #expect(favourites.map { $0["id"] as? Int } == [lighthouse])

        let exported = cli.home.appendingPathComponent("best.png").path
        #expect(try await cli.run(["history", "export", "\(lighthouse)", "-o", exported]).status == 0)
        let exportedData = try Data(contentsOf: URL(fileURLWithPath: exported))
        #expect(try ImageProvenance.read(from: exportedData)?.seed == 99)

        let shownJSON = try #require(try json(try await cli.run(["history", "show", "\(fox)", "--json"]).stdout) as? [String: Any])
        let foxFile = try #require(shownJSON["path"] as? String)
        #expect(FileManager.default.fileExists(atPath: foxFile))
        #expect(try await cli.run(["history", "rm", "\(fox)"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: foxFile), "an unreferenced picture goes with its entry")
        let missing = try await cli.run(["history", "show", "\(fox)"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no history entry \(fox)"))

        // A picture exported from one history comes back into another with its parameters.
        let other = try SparklerProcess()
        defer { other.cleanUp() }
        let imported = try await other.run(["history", "import", exported, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let entry = try #require((try json(imported.stdout) as? [[String: Any]])?.first)
        #expect(entry["prompt"] as? String == "a lighthouse at dusk")
        #expect(entry["seed"] as? Int == 99)

        let notOurs = other.home.appendingPathComponent("plain.png")
        try TestImages.encoded(width: 8, height: 8, format: .png).write(to: notOurs)
        let refused = try await other.run(["history", "import", notOurs.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("plain.png"))
    }

    /// `history list` and `show` give the time in the zone the user lives in (TZ here), to the minute.
    @Test func listAndShowGiveTheLocalTime() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        var cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let id = try await generate(cli, "a lighthouse at dusk")
        await server.shutdown()
        let listed = try #require(try json(try await cli.run(["history", "list", "--json"]).stdout) as? [[String: Any]])
        let createdText = try #require(listed.first?["created_at"] as? String)
        let created = try #require(ISO8601DateFormatter().date(from: createdText))
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = try #require(TimeZone(identifier: "Asia/Kolkata"))
        cli.environment["TZ"] = "Asia/Kolkata"  // UTC+5:30: neither UTC nor a whole hour away
        let list = try await cli.run(["history", "list"])
        #expect(list.stdout.trimmingCharacters(in: .whitespaces).hasPrefix("\(id)  \(formatter.string(from: created))  "), "\(list.stdout)")
        let shown = try await cli.run(["history", "show", "\(id)"])
        #expect(shown.stdout.contains(formatter.string(from: created)), "\(shown.stdout)")
    }

    @Test func twoProcessesWriteAtOnce() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let runs = try await withThrowingTaskGroup(of: SparklerProcess.Outcome.self) { group in
            for index in 0..<4 {
                group.addTask { try await cli.run(["generate", "concurrent \(index)", "--samples", "3", "--format", "png"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await server.shutdown()
        for run in runs {
            #expect(run.status == 0, "\(run.stderr)")
        }

        let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
        let (rows, integrity) = try await database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM historyEntry") ?? 0,
             try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(rows == 12)
        #expect(integrity == "ok")
    }

    @Test func killedMidSaveLeavesNoPartialFileAndAnIntactDatabase() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let sources = try makeLargePictures(count: 80, in: cli.home.appendingPathComponent("pictures"))
        let temporary = cli.dataDirectory.appendingPathComponent("images/tmp")

        var importedBefore = 0
        var killsMidWrite = 0
        for round in 0..<4 {
            let batch = sources[(round * 20)..<((round + 1) * 20)].map(\.path)
            let (process, _, _) = try cli.start(["history", "import"] + batch)
            // Kill while a picture is being written: as soon as a temporary file exists. (Waiting longer
            // first made the kill land after the whole batch on a fast, idle machine.) The wait blocks
            // instead of sleeping the task: a busy concurrency pool resumed it too late under load.
            let deadline = ContinuousClock.now + .seconds(20)
            while process.isRunning, ContinuousClock.now < deadline, files(in: temporary).isEmpty {
                usleep(200)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the import ended before it was killed")
            if !files(in: temporary).isEmpty { killsMidWrite += 1 }

            // The next process opens the history: it must find it consistent and clean up after the dead one.
            let listed = try await cli.run(["history", "list", "--limit", "1000", "--json"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let entries = try #require(try json(listed.stdout) as? [[String: Any]])
            #expect(entries.count >= importedBefore, "earlier rows are intact")
            for entry in entries {
                let path = try #require(entry["path"] as? String)
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                #expect(try ImageInspector.inspect(data, as: .png, source: path).width == 512)
            }
            #expect(entries.count - importedBefore < batch.count, "killed before the last save")
            importedBefore = entries.count

            #expect(files(in: temporary).isEmpty, "partial files left: \(files(in: temporary))")
            let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
            #expect(try await database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        }
        #expect(killsMidWrite > 0, "no kill landed while a picture was half written")
    }

    private func files(in directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    /// Noisy 512x512 PNGs (about 1 MB each, so saving one takes a while) with Sparkler provenance.
    /// One noise buffer serves them all; a different first row makes each file distinct.
    private func makeLargePictures(count: Int, in directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<(512 * 512 * 4 / 8)).flatMap { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
        return try (0..<count).map { index in
            var pixels = noise
            for offset in 0..<(512 * 4) { pixels[offset] = UInt8(truncatingIfNeeded: index &* 31 &+ offset) }
            let image = try #require(RGBAImage(width: 512, height: 512, pixels: pixels))
            let provenance = ImageProvenance(
                request: GenerationRequest(prompt: "noise \(index)", seed: index + 1, format: .png), backend: "fireworks",
                seed: index + 1, size: image.size, createdAt: Date(), appVersion: SparklerVersion.current
            )
            let url = directory.appendingPathComponent("noise-\(index).png")
            try provenance.embedded(in: try ImageCodec.encode(image, as: .png)).write(to: url)
            return url
        }
    }

    /// One damaged row does not hide the others: they are listed, it is named with what is wrong, and the
    /// exit status says the list is not whole.
    @Test func aDamagedRowIsNamedAndTheOthersListed() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        for prompt in ["a red circle", "a blue square"] {
            let made = try await cli.run(["generate", prompt, "--backend", "local", "--size", "256x256", "--steps", "2"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
        try await database.write { db in
            try db.execute(sql: "UPDATE historyEntry SET request = 'not json' WHERE id = 1")
        }
        let listed = try await cli.run(["history", "list"])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("a blue square") && !listed.stdout.contains("a red circle"), "\(listed.stdout)")
        #expect(listed.stderr.contains("Left out: history entry 1 cannot be read: its stored request is not JSON"), "\(listed.stderr)")
    }

    /// Export writes what the file's name says: a JPEG picture exported to a `.png` name is PNG, with its
    /// parameters still embedded; a `.jpg` name gets the stored bytes as they are.
    @Test func exportWritesTheFormatItsNameSays() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let made = try await cli.run(["generate", "a red circle", "--backend", "local", "--size", "256x256", "--steps", "2", "--format", "jpg"])
        #expect(made.status == 0, "\(made.stderr)")
        let png = cli.home.appendingPathComponent("circle.png").path
        let exported = try await cli.run(["history", "export", "1", "-o", png])
        #expect(exported.status == 0, "\(exported.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(ImageCodec.sniffFormat(data) == .png)
        #expect(try ImageProvenance.read(from: data)?.request.prompt == "a red circle")
        let jpg = cli.home.appendingPathComponent("circle.jpg").path
        #expect(try await cli.run(["history", "export", "1", "-o", jpg]).status == 0)
        #expect(ImageCodec.sniffFormat(try Data(contentsOf: URL(fileURLWithPath: jpg))) == .jpeg)
    }

    /// Importing the same file twice adds it once, and says so the second time.
    @Test func importingTheSameFileTwiceAddsItOnce() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        #expect(try await cli.run(["generate", "a red circle", "--backend", "local", "--size", "256x256", "--steps", "2"]).status == 0)
        let file = cli.home.appendingPathComponent("circle.jpg").path
        #expect(try await cli.run(["history", "export", "1", "-o", file]).status == 0)
        let elsewhere = try SparklerProcess()
        defer { elsewhere.cleanUp() }
        let first = try await elsewhere.run(["history", "import", file])
        let second = try await elsewhere.run(["history", "import", file])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
        #expect(second.stderr.contains("is already in history as entry 1; not added again."), "\(second.stderr)")
        let listed = try await elsewhere.run(["history", "list", "--json"])
        #expect(try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]).count == 1)
    }

    /// `history show` names the entry a picture edits and the entries that edit it.
    @Test func showPrintsTheChainOfEdits() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        for prompt in ["a red circle", "make it blue"] {
            #expect(try await cli.run(["generate", prompt, "--backend", "local", "--size", "256x256", "--steps", "2"]).status == 0)
        }
        // The playground records an edit's link (F7, `i`); here it is set the way it stores it.
        let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
        try await database.write { db in try db.execute(sql: "UPDATE historyEntry SET editedEntryID = 1 WHERE id = 2") }
        let first = try await cli.run(["history", "show", "1"])
        #expect(first.stdout.contains("edited into: #2"), "\(first.stdout)")
        let second = try await cli.run(["history", "show", "2", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(json["edit_of"] as? Int == 1 && json["edited_into"] == nil)
    }
}
