import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// `sparkler generate` with FLUX Kontext against the test server's workflow API: each outcome its own
/// message and exit status, every attempt recorded in history with the server's request id.
@Suite struct KontextCommandTests {
    private static let key = "fw-kontext-secret-0123456789"

    private func history(_ cli: SparklerProcess) async throws -> [[String: Any]] {
        let listed = try await cli.run(["history", "list", "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
    }

    @Test func makesThePictureWaitingAsTheServerWorksAndRecordsTheRequestID() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setKontextScript(KontextScript(polls: [.pending(progress: 0.5), .ready]))
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let output = cli.home.appendingPathComponent("lighthouse.png").path

        let run = try await cli.run([
            "generate", "a lighthouse at dusk", "--model", "flux-kontext-pro", "--aspect-ratio", "16:9", "--seed", "9",
            "-o", output, "--json",
        ])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]).first
        let id = try #require(result?["request_id"] as? String)
        #expect(run.stderr.contains("Request \(id): Pending 50%"), "\(run.stderr)")
        let picture = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(ImageCodec.sniffFormat(picture) == .png)
        #expect((result?["width"] as? Int ?? 0) > (result?["height"] as? Int ?? 0))
        #expect(result?["seed"] as? Int == 9)
        #expect(try await history(cli).first?["request_id"] as? String == id)
    }

    @Test func anEditSendsThePictureAndNeedsNoStrength() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let day = cli.home.appendingPathComponent("day.jpg")
        try TestImages.encoded(width: 80, height: 48, format: .jpeg).write(to: day)

        let refused = try await cli.run(["generate", "make it night", "--model", "flux-kontext-max", "--init-image", day.path, "--strength", "0.5"])
        #expect(refused.status == 2 && refused.stderr.contains("edits by instruction"), "\(refused.stderr)")
        #expect(server.requests.isEmpty)

        let run = try await cli.run(["generate", "make it night", "--model", "flux-kontext-max", "--init-image", day.path, "--json"])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")
        let submitted = try #require(server.requests.first?.json)
        #expect(submitted["input_image"] == .string(try Data(contentsOf: day).base64EncodedString()))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]).first
        #expect(result?["mode"] as? String == "edit")
        #expect(result?["width"] as? Int == 80 && result?["height"] as? Int == 48, "an edit keeps the picture's size")
    }

    /// Every way the wait can end badly: its exit status, its message, and its row in history.
    @Test(arguments: [
        (KontextScript(polls: [.pending(), .requestModerated(details: "prompt flagged")]), Int32(3), "Request Moderated", "filtered"),
        (KontextScript(polls: [.contentModerated(details: "output flagged")]), 3, "Content Moderated", "filtered"),
        (KontextScript(polls: [.error(details: "inference failed")]), 1, "inference failed", "failed"),
        (KontextScript(polls: [.pending(), .taskNotFound]), 5, "Task not found", "failed"),
        (KontextScript(polls: [.ready], sample: .expired), 6, "expired", "failed"),
        (KontextScript.neverReady, 4, "within 15 s", "failed"),
    ])
    // 15 s for the one that never settles (the submission must be answered well within it even while the
    // engine's tests load both cores); the others get a bound no loaded machine reaches.
    func eachOutcomeHasItsMessageAndExitStatus(script: KontextScript, status: Int32, message: String, outcome: String) async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setKontextScript(script)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let timeout = status == 4 ? "15" : "60"
        let run = try await cli.run(["generate", "a red fox", "--model", "flux-kontext-pro", "--timeout", timeout])
        await server.shutdown()
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let row = try #require(try await history(cli).first)
        #expect(row["outcome"] as? String == outcome)
        let id = try #require(row["request_id"] as? String)
        #expect(run.stderr.contains(id), "the message names the request: \(run.stderr)")
    }

    /// Ctrl-C while the server works stops at once, and the request the server holds (which may be billed)
    /// is in history.
    @Test func ctrlCWhileWaitingStopsCleanlyAndKeepsTheRequest() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setKontextScript(.neverReady)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let (process, _, stderr) = try cli.start(["generate", "a red fox", "--model", "flux-kontext-pro"])
        // The first poll follows the submission's answer: the request id is known by then.
        #expect(await server.waitForRequests(count: 2, timeout: .seconds(60)))
        process.interrupt()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        await server.shutdown()
        let said = try String(contentsOf: stderr, encoding: .utf8)
        #expect(process.terminationStatus == 130, "\(said)")
        let row = try #require(try await history(cli).first)
        #expect(row["outcome"] as? String == "failed")
        #expect((row["error"] as? String)?.contains("Cancelled while Fireworks was making the picture") == true)
        #expect(row["request_id"] is String)
    }

    /// A seed comparison with Kontext runs its requests side by side: the server keeps every task Pending
    /// until all three are submitted, so a client that waited for one before sending the next would never
    /// finish; each cell is a picture with its own seed.
    @Test func aSeedComparisonSubmitsAndPollsConcurrently() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setKontextScript(KontextScript(polls: [.pending(progress: 0.3), .pending(progress: 0.6), .ready], pendingUntilSubmitted: 3))
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let run = try await cli.run(["compare", "a red fox", "--model", "flux-kontext-pro", "--seeds", "1,2,3", "--json"])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("about $0.12"), "3 pictures at $0.04: \(run.stderr)")
        #expect(server.requests.filter { $0.path.hasSuffix("/flux-kontext-pro") }.count == 3)
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(Set(cells.compactMap { $0["seed"] as? Int }) == [1, 2, 3])
    }
}
