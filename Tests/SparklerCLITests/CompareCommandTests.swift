import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// `sparkler compare` as a user runs it, against the local Fireworks test server, with a model that
/// makes tiny pictures so the contact sheet stays quick to compose.
@Suite struct CompareCommandTests {
    private static let key = "fw-cli-secret-0123456789"
    private static let tinyModel = """
        model = "accounts/test/models/tiny"

        [[models]]
        id = "accounts/test/models/tiny"
        sizes = ["64x48"]

        """

    private func cells(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]], "not a JSON array: \(text)")
    }

    private func withCLI(config: String = tinyModel, _ body: (SparklerProcess, FireworksTestServer) async throws -> Void) async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        try cli.writeConfig(config)
        do {
            try await body(cli, server)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test func fourSeedsMakeACellEachAndASheetThatListsThem() async throws {
        try await withCLI { cli, server in
            let sheet = cli.home.appendingPathComponent("grid.png").path
            let run = try await cli.run(["compare", "a lighthouse at dusk", "--count", "4", "--seed", "500", "-o", sheet, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("Comparing 4 pictures, 2 across and 2 down: 120 steps billed (no price known for this model)."), "\(run.stderr)")
            #expect(run.stderr.contains("Contact sheet: \(sheet)"), "the sheet's path is said: \(run.stderr)")
            #expect(run.stderr.contains("[4/4] "), "progress per cell: \(run.stderr)")

            let results = try cells(run.stdout)
            #expect(results.map { $0["label"] as? String } == ["seed 500", "seed 501", "seed 502", "seed 503"])
            #expect(results.map { [$0["row"] as? Int, $0["column"] as? Int] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
            #expect(results.map { $0["seed"] as? Int } == [500, 501, 502, 503])
            #expect(results.allSatisfy { $0["outcome"] as? String == "success" && $0["path"] is String && $0["id"] is Int })
            #expect(Set(results.compactMap { $0["group_id"] as? String }).count == 1, "one group for the comparison")
            #expect(server.requests.count == 4)

            let data = try Data(contentsOf: URL(fileURLWithPath: sheet))
            let size = try ImageInspector.inspect(data, as: .png)
            #expect(size.width == 8 + 2 * 72)
            let header = size.height - (8 + 2 * 69)
            #expect(header > 0 && header % 11 == 0, "the prompt and shared parameters in whole lines above the grid, not \(header) px")
            let metadata = try #require(try ContactSheetMetadata.read(from: data))
            #expect(metadata.cells.count == 4)
            #expect(metadata.cells.map(\.provenance.seed) == [500, 501, 502, 503])
            #expect(metadata.cells.map(\.historyID) == results.map { ($0["id"] as? Int).map(Int64.init) })
        }
    }

    @Test func twoVariesMakeAnXYPlot() async throws {
        try await withCLI { cli, server in
            let run = try await cli.run(["compare", "a red fox", "--vary", "cfg=4,7", "--vary", "seed=1,2"])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(lines.map(\.first) == ["CFG 4 · seed 1", "CFG 7 · seed 1", "CFG 4 · seed 2", "CFG 7 · seed 2"])
            #expect(lines.allSatisfy { $0.last?.hasSuffix(".jpg") == true })
            let sent = server.requests.map { [$0.fields["cfg_scale"] ?? "", $0.fields["seed"] ?? ""] }
            #expect(Set(sent) == [["4", "1"], ["7", "1"], ["4", "2"], ["7", "2"]])
        }
    }

    @Test func aSweepWithoutSeedsKeepsOneSeedForEveryCell() async throws {
        try await withCLI { cli, server in
            let run = try await cli.run(["compare", "a red fox", "--vary", "steps=10,20,30", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let seeds = try cells(run.stdout).compactMap { $0["requested_seed"] as? Int }
            #expect(seeds.count == 3 && Set(seeds).count == 1 && seeds[0] != 0)
            #expect(server.requests.count == 3)
        }
    }

    @Test func aCostlyComparisonNeedsYesWithoutATerminal() async throws {
        try await withCLI(config: Self.tinyModel + "[compare]\nconfirm_above_steps = 50\n") { cli, server in
            let refused = try await cli.run(["compare", "a red fox", "--count", "2", "--steps", "30"])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("60 steps billed"), "\(refused.stderr)")
            #expect(refused.stderr.contains("--yes"), "\(refused.stderr)")
            #expect(server.requests.isEmpty, "nothing runs unconfirmed")

            let cheap = try await cli.run(["compare", "a red fox", "--count", "2", "--steps", "25"])
            #expect(cheap.status == 0, "at the threshold it just runs: \(cheap.stderr)")

            let confirmed = try await cli.run(["compare", "a red fox", "--count", "2", "--steps", "30", "--yes"])
            #expect(confirmed.status == 0, "\(confirmed.stderr)")
            #expect(server.requests.count == 4)
        }
    }

    @Test func aFailedCellExitsOneAndTheSheetKeepsTheRest() async throws {
        try await withCLI(config: Self.tinyModel + "[fireworks]\nmax_retries = 0\n") { cli, server in
            server.enqueue(.status(400, message: "This prompt is not allowed"))
            let sheet = cli.home.appendingPathComponent("grid.png").path
            let run = try await cli.run(["compare", "a red fox", "--seeds", "1,2,3", "--max-in-flight", "1", "-o", sheet, "--json"])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("1 of 3 pictures failed"), "\(run.stderr)")
            #expect(run.stderr.contains("failed: "), "\(run.stderr)")

            let results = try cells(run.stdout)
            #expect((results[0]["error"] as? String)?.contains("This prompt is not allowed") == true)
            #expect(results[0]["label"] as? String == "seed 1" && results[0]["id"] == nil)
            #expect(results.dropFirst().allSatisfy { $0["outcome"] as? String == "success" })

            let metadata = try #require(try ContactSheetMetadata.read(from: Data(contentsOf: URL(fileURLWithPath: sheet))))
            #expect(metadata.cells.map(\.outcome) == [.failed, .success, .success])
        }
    }

    @Test(arguments: [
        ["compare", "a fox"],
        ["compare", "a fox", "--count", "4", "--seeds", "1,2"],
        ["compare", "a fox", "--count", "1"],
        ["compare", "a fox", "--vary", "cfg=4,7", "--vary", "cfg=1"],
        ["compare", "a fox", "--vary", "cfg=4", "--vary", "seed=1", "--vary", "steps=2"],
        ["compare", "a fox", "--vary", "colour=red"],
        ["compare", "a fox", "--count", "2", "--samples", "2"],
        ["compare", "a fox", "--count", "2", "--max-in-flight", "0"],
        ["compare", "a fox", "--count", "2", "-o", "grid.jpg"],
    ])
    func badUsageExitsTwoBeforeAnyRequest(arguments: [String]) async throws {
        try await withCLI { cli, server in
            let run = try await cli.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.isEmpty)
            #expect(server.requests.isEmpty)
        }
    }
}
