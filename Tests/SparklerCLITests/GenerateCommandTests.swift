import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// The built binary against the local Fireworks test server: files, JSON, history and exit codes.
@Suite struct GenerateCommandTests {
    private static let key = "fw-cli-secret-0123456789"

    private func decodeJSON(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]], "not a JSON array: \(text)")
    }

    @Test func writesThePictureAndRecordsItInHistory() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let output = cli.home.appendingPathComponent("sunset.png").path
        let run = try await cli.run([
            "generate", "A beautiful sunset over the ocean", "--size", "1152x896", "--cfg", "4", "--steps", "25",
            "--seed", "1234", "--sampler", "dpmpp_2m", "-o", output, "--json",
        ])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")

        let results = try decodeJSON(run.stdout)
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result["path"] as? String == output)
        #expect(result["seed"] as? Int == 1234)
        #expect(result["finish_reason"] as? String == "SUCCESS")
        #expect(result["width"] as? Int == 1152)
        #expect(result["height"] as? Int == 896)
        #expect(result["model"] as? String == "accounts/fireworks/models/playground-v2-1024px-aesthetic")
        #expect(result["backend"] as? String == "fireworks")
        #expect(result["steps_billed"] as? Int == 25)
        #expect(result["id"] is Int)

        // The request carried what was asked, with the format taken from -o's extension.
        let request = try #require(server.requests.first)
        #expect(request.path == "/inference/v1/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic")
        #expect(request.header("Accept") == "image/png")
        #expect(request.json?["sampler"] == .string("K_DPMPP_2M"))

        // The file is a real PNG of that size, and remembers how it was made.
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(try ImageInspector.inspect(data, as: .png) == ImageSize(width: 1152, height: 896))
        let provenance = try #require(try ImageProvenance.read(from: data))
        #expect(provenance.request.prompt == "A beautiful sunset over the ocean")
        #expect(provenance.seed == 1234)

        let listed = try await cli.run(["history", "list", "--search", "sunset", "--json"])
        #expect(listed.status == 0)
        let entries = try decodeJSON(listed.stdout)
        #expect(entries.count == 1)
        #expect(entries.first?["id"] as? Int == result["id"] as? Int)
        #expect(entries.first?["steps"] as? Int == 25)
    }

    @Test func plainOutputIsThePathAndTheSeedPerPicture() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let output = cli.home.appendingPathComponent("fox.jpg").path
        let run = try await cli.run(["generate", "a red fox", "--samples", "3", "--seed", "7", "-o", output])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")

        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 3)
        for (index, line) in lines.enumerated() {
            let expected = cli.home.appendingPathComponent("fox-\(index + 1).jpg").path
            #expect(line.first == expected)
            #expect(line.last?.hasPrefix("seed ") == true)
            let data = try Data(contentsOf: URL(fileURLWithPath: expected))
            #expect(try ImageInspector.inspect(data, as: .jpeg) == ImageSize(width: 1024, height: 1024))
        }
        #expect(server.requests.first?.header("Accept") == "application/json")
    }

    @Test func anOutputFolderGetsOneFileNamedAfterEachHistoryEntry() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let folder = cli.home.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let run = try await cli.run(["generate", "a red fox", "--samples", "2", "--seed", "7", "-o", folder.path, "--json"])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")

        let results = try decodeJSON(run.stdout)
        let expected = try results.map { result in
            let id = try #require(result["id"] as? Int), seed = try #require(result["seed"] as? Int)
            return "sparkler-\(id)-\(seed).jpg"
        }
        #expect(results.map { $0["path"] as? String } == expected.map { folder.appendingPathComponent($0).path })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == expected.sorted(),
                "written as unrecorded first, then named after the entry")
    }

    @Test func sizeTheModelDoesNotOfferIsRefusedLocally() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let run = try await cli.run(["generate", "a fox", "--size", "1000x1000"])
        await server.shutdown()
        #expect(run.status == 2)
        #expect(run.stderr.contains("1000x1000"))
        for size in ModelCapabilities.sdxlSizes {
            #expect(run.stderr.contains(size.description))
        }
        #expect(server.requests.isEmpty, "nothing may be sent for a request the model cannot take")
    }

    @Test(arguments: [
        (["generate"], "prompt"),
        (["generate", "x", "--steps", "500"], "1 to 150"),
        // A negative number is the option's value, refused with the range (not "missing value").
        (["generate", "x", "--seed", "-5"], "Seed -5 is not allowed: 0 (random) to 2147483647."),
        (["generate", "x", "--cfg", "-3"], "0 to 35"),
        (["generate", "x", "--format", "gif"], "jpg or png"),
        (["generate", "x", "--format", "png", "-o", "a.jpg"], "does not match"),
        (["generate", "x", "--strength", "0.5"], "--init-image"),
        (["generate", "x", "--init-image", "/nonexistent.png", "--strength", "0.5"], "no such file"),
        (["generate", "x", "--model", "dall-e"], "playground-v2-1024px-aesthetic"),
        (["history", "show", "abc"], "abc"),
        (["frobnicate"], "frobnicate"),
    ])
    func badUsageExitsWithTwo(arguments: [String], message: String) async throws {
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: "http://127.0.0.1:9/inference/v1")
        defer { cli.cleanUp() }
        let run = try await cli.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func playgroundWithoutATerminalPointsAtTheHeadlessCommands() async throws {
        let cli = try SparklerProcess(apiKey: Self.key)
        defer { cli.cleanUp() }
        let run = try await cli.run([])
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs a terminal"))
        #expect(run.stderr.contains("sparkler generate"))
    }

    @Test(arguments: [["--model", "playground-v2-1024px-aesthetic"], ["--backend", "fireworks"]])
    func fireworksWithoutAKeySaysHowToSetOne(arguments: [String]) async throws {
        let cli = try SparklerProcess(apiKey: nil, baseURL: "http://127.0.0.1:9/inference/v1")
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a fox"] + arguments)
        #expect(run.status == 1)
        #expect(run.stderr.contains("FIREWORKS_API_KEY"))
        #expect(run.stderr.contains("--backend local"))
    }

    @Test func brokenConfigNamesFileAndLine() async throws {
        let cli = try SparklerProcess(apiKey: Self.key)
        defer { cli.cleanUp() }
        try cli.writeConfig("model = \"playground-v2-1024px-aesthetic\"\n[fireworks]\ntimeout = \"soon\"\n")
        let run = try await cli.run(["generate", "a fox"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(cli.configFile.path):3:"), "\(run.stderr)")
    }

    @Test func refusedKeyIsExplainedRecordedAndNeverPrinted() async throws {
        let server = try await FireworksTestServer.start(apiKey: "the-right-key")
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let run = try await cli.run(["generate", "a fox in the snow", "--json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("401"))
        #expect(run.stderr.contains("FIREWORKS_API_KEY"))
        #expect(server.requests.count == 1, "a refused key is not retried")

        let failures = try await cli.run(["history", "list", "--failures", "--json"])
        let entries = try decodeJSON(failures.stdout)
        #expect(entries.count == 1)
        #expect(entries.first?["outcome"] as? String == "failed")
        #expect(entries.first?["prompt"] as? String == "a fox in the snow")
        await server.shutdown()

        for text in [run.stdout, run.stderr, failures.stdout, failures.stderr] {
            #expect(!text.contains(Self.key))
        }
        try expectKeyAbsent(from: cli.dataDirectory)
    }

    @Test func keyTravelsOnlyInTheAuthorizationHeader() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a fox", "--json"])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")

        let request = try #require(server.requests.first)
        #expect(request.header("Authorization") == "Bearer \(Self.key)")
        for header in request.headers where header.name.lowercased() != "authorization" {
            #expect(!header.value.contains(Self.key))
        }
        #expect(!request.uri.contains(Self.key))
        #expect(!String(decoding: request.body, as: UTF8.self).contains(Self.key))
        #expect(!run.stdout.contains(Self.key) && !run.stderr.contains(Self.key))
        try expectKeyAbsent(from: cli.dataDirectory)
    }

    @Test func filteredPictureIsReportedNotWritten() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setDefault(.contentFiltered)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let output = cli.home.appendingPathComponent("out.jpg").path
        let run = try await cli.run(["generate", "something", "--safety-check", "-o", output, "--json"])
        await server.shutdown()
        #expect(run.status == 8, "a status of its own: \(run.stderr)")
        let result = try #require(try decodeJSON(run.stdout).first)
        #expect(result["finish_reason"] as? String == "CONTENT_FILTERED")
        #expect(result["path"] == nil || result["path"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(run.stderr.contains("was filtered by the safety check (CONTENT_FILTERED) and not written"), "\(run.stderr)")
    }

    @Test func serverTroubleIsRetriedThenReported() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setDefault(.status(503, message: "overloaded"))
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        try cli.writeConfig("[fireworks]\nmax_retries = 2\n")
        let run = try await cli.run(["generate", "a fox"])
        await server.shutdown()
        #expect(run.status == 1)
        #expect(server.requests.count == 3)
        #expect(run.stderr.contains("s (retry 1 of 2).") && run.stderr.contains("s (retry 2 of 2)."), "\(run.stderr)")
        #expect(!run.stderr.contains("retry 3"))
        #expect(run.stderr.contains("503"))
    }

    /// Nothing Sparkler stored (database, WAL, pictures) contains the key.
    private func expectKeyAbsent(from directory: URL) throws {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = files?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url) else { continue }
            checked += 1
            #expect(data.range(of: Data(Self.key.utf8)) == nil, "the key is in \(url.path)")
        }
        #expect(checked > 0)
    }

    /// A usage error found while the command runs points at that command's help, not the top-level usage.
    @Test func aSubcommandsUsageErrorPointsAtItsOwnHelp() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a", "fox"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unexpected argument \"fox\": put the prompt in quotes."), "\(run.stderr)")
        #expect(run.stderr.contains("See 'sparkler generate --help'") && !run.stderr.contains("Usage: sparkler [--theme"), "\(run.stderr)")
    }

    @Test func aPromptBeyondTheLimitIsRefusedBeforeAnythingIsSent() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", String(repeating: "x", count: 10_001)])
        await server.shutdown()
        #expect(run.status == 2)
        #expect(run.stderr.contains("Prompt of 10,001 characters is not allowed: at most 10,000 characters."), "\(run.stderr)")
        #expect(server.requests.isEmpty)
    }
}
