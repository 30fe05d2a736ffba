import Foundation
import GRDB
import SparklerCore
import Testing
import TestSupport

/// `sparkler serve` as a process: the listening line, a picture made through it and kept in history,
/// graceful shutdown on SIGTERM, the key, and the refusal to serve a network without one.
@Suite struct ServeCommandTests {
    /// Starts the server and waits for its listening line; returns the base URL.
    private func startServer(_ cli: SparklerProcess, _ arguments: [String] = []) async throws -> (Process, URL, String) {
        let (process, stdout, stderr) = try cli.start(["serve", "--port", "0"] + arguments)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, process.isRunning {
            let text = try String(contentsOf: stdout, encoding: .utf8)
            if let line = text.split(separator: "\n").first {
                #expect(line.wholeMatch(of: /sparkler serve: listening on http:\/\/127\.0\.0\.1:\d+\/inference\/v1/) != nil, "\(line)")
                return (process, stderr, String(line.dropFirst("sparkler serve: listening on ".count)))
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ServeFailure(message: "no listening line; stderr: \(try String(contentsOf: stderr, encoding: .utf8))")
    }

    private func client(_ baseURL: String, key: String = "none") -> FireworksBackend {
        var configuration = FireworksConfiguration(apiKey: key, baseURL: baseURL)
        configuration.retryPolicy.maxRetries = 0
        return FireworksBackend(configuration: configuration)
    }

    private func request(steps: Int, samples: Int = 1, size: Int = 256) throws -> GenerationRequest {
        try RequestValidator.validate(GenerationRequest(
            model: ModelCapabilities.sparklerTiny.id.path, prompt: "a red circle on a blue background",
            shape: .size(ImageSize(width: size, height: size)), steps: steps, seed: 3, samples: samples, format: .png
        ), for: .sparklerTiny)
    }

    private func waitForExit(_ process: Process) async throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    @Test func servesRecordsAndFinishesTheRunningPictureOnSIGTERM() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        cli.environment["SPARKLER_LOG"] = "debug"
        // Shutdown waits this long for the running picture: four of 150 steps take seconds alone and most of a
        // minute beside the rest of the tests.
        let (process, stderr, baseURL) = try await startServer(cli, ["--timeout-seconds", "300"])
        let backend = client(baseURL)

        let quick = try await backend.generate(try request(steps: 2), model: .sparklerTiny) { _ in }
        #expect(quick.images.first?.size == ImageSize(width: 256, height: 256))

        // Four pictures of 150 steps take seconds: SIGTERM arrives while they are drawn.
        let long = Task { try await backend.generate(try request(steps: 150, samples: 4), model: .sparklerTiny) { _ in } }
        // SIGTERM once the long request holds the engine: not once it has arrived ("started", logged before its body
        // is read and it is queued), which under load left SIGTERM to close the queue before it (503).
        let deadline = ContinuousClock.now + .seconds(60)
        func started() throws -> Bool {
            try String(contentsOf: stderr, encoding: .utf8).contains("sparkler-tiny: drawing 4 picture(s)")
        }
        while ContinuousClock.now < deadline, try !started() {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(try started(), "the server never started the long request")
        kill(process.processIdentifier, SIGTERM)
        let result = try await long.value
        #expect(result.images.count == 4)
        await backend.shutdown()
        #expect(try await waitForExit(process) == 0)

        let log = try String(contentsOf: stderr, encoding: .utf8)
        #expect(log.contains("no authentication: serving on loopback only"))
        let shutdown = try #require(log.range(of: "Shutting down"), "\(log)")
        let finished = try #require(log.range(of: "sparkler-tiny 200", options: .backwards))
        #expect(shutdown.upperBound < finished.lowerBound, "the long request finished after SIGTERM")
        let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
        let backends = try await database.read { try String.fetchAll($0, sql: "SELECT backend FROM historyEntry") }
        #expect(backends == Array(repeating: "served", count: 5))
    }

    @Test func aPictureStillRunningWhenTheGraceEndsIsAnswered503() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        cli.environment["SPARKLER_LOG"] = "debug"
        let (process, stderr, baseURL) = try await startServer(cli, ["--timeout-seconds", "1"])
        let port = try #require(URL(string: baseURL)?.port)

        // Ten pictures of 150 steps: far more than the one second of grace.
        let body = #"{"prompt": "a red circle", "height": 256, "width": 256, "steps": 150, "samples": 10, "seed": 1}"#
        let request = """
            POST /inference/v1/image_generation/accounts/sparkler/models/sparkler-tiny HTTP/1.1\r
            Host: 127.0.0.1\r
            Content-Type: application/json\r
            Accept: application/json\r
            Content-Length: \(body.utf8.count)\r
            \r
            \(body)
            """
        let answer = Task { try await RawConnection.exchange(port: port, sending: Data(request.utf8)) }
        let deadline = ContinuousClock.now + .seconds(60)
        func started() throws -> Bool {
            // Holding the engine, not just arrived: see servesRecordsAndFinishesTheRunningPictureOnSIGTERM.
            try String(contentsOf: stderr, encoding: .utf8).contains("sparkler-tiny: drawing 10 picture(s)")
        }
        while ContinuousClock.now < deadline, try !started() {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(try started(), "the server never started the request")
        kill(process.processIdentifier, SIGTERM)

        let reply = try await answer.value
        #expect(reply.hasPrefix("HTTP/1.1 503"), "an answer, not a closed connection: \(reply)")
        #expect(reply.contains("shut down before the picture was finished"), "\(reply)")
        #expect(try await waitForExit(process) == 0)
        let log = try String(contentsOf: stderr, encoding: .utf8)
        #expect(log.contains("sparkler-tiny 503"), "\(log)")
    }

    @Test func connectionLimitsAreSetOnTheCommandLine() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        // A long header timeout: on a loaded machine the held connections must not be closed for idling
        // before the last one opens (that would free their places; a full run once saw five 200s).
        let (process, _, baseURL) = try await startServer(
            cli, ["--max-connections", "3", "--max-connections-per-client", "2", "--header-timeout-seconds", "600"])
        let port = try #require(URL(string: baseURL)?.port)
        let request = "GET /inference/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        /// Opens a connection from `peer`, asks on it and keeps it open: the status line, "" when closed unanswered.
        func ask(from peer: String) async throws -> (HeldConnection, String) {
            let connection = try HeldConnection(port: port, from: peer)
            guard connection.sendUnlessClosed(request) else { return (connection, "") }
            return (connection, try #require(await connection.read(until: "\r\n"), "no answer and still open"))
        }

        // One at a time, each answered before the next opens, so the server admits them in this order.
        var held: [HeldConnection] = []
        var answers: [String] = []
        for peer in ["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.3"] {
            let (connection, answer) = try await ask(from: peer)
            held.append(connection)
            answers.append(String(answer.prefix(12)))
        }
        held.removeAll()
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process) == 0)
        #expect(answers == ["HTTP/1.1 200", "HTTP/1.1 200", "", "HTTP/1.1 200", ""], "two per client, three in all")
    }

    @Test func theHeaderTimeoutIsSetOnTheCommandLine() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        // The default (10 s) is beyond the bound below, and the idle timeout (--timeout-seconds plus 10) far beyond.
        let (process, _, baseURL) = try await startServer(cli, ["--header-timeout-seconds", "1", "--timeout-seconds", "600"])
        let slow = try HeldConnection(port: try #require(URL(string: baseURL)?.port))
        try slow.send("GET /inference/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
        let reply = await slow.readUntilClosed(bound: .seconds(8))
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process) == 0)
        #expect(reply == "", "closed without an answer once its second was up")
    }

    @Test func theKeyFromTheEnvironmentIsRequiredAndNeverLogged() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        cli.environment["SPARKLER_SERVE_KEY"] = "serve-secret-42"
        let (process, stderr, baseURL) = try await startServer(cli)

        let stranger = client(baseURL, key: "guess")
        await #expect(throws: FireworksError.self) {
            try await stranger.generate(try request(steps: 1), model: .sparklerTiny) { _ in }
        }
        await stranger.shutdown()
        let friend = client(baseURL, key: "serve-secret-42")
        _ = try await friend.generate(try request(steps: 1), model: .sparklerTiny) { _ in }
        await friend.shutdown()

        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process) == 0)
        let log = try String(contentsOf: stderr, encoding: .utf8)
        #expect(log.contains(" 401 "))
        #expect(!log.contains("serve-secret-42") && !log.contains("guess"))
        #expect(!log.contains("no authentication"))
    }

    @Test func aKeyOnTheCommandLineIsWarnedAboutWithoutBeingShown() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let (process, stderr, _) = try await startServer(cli, ["--key", "cli-secret-7"])
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process) == 0)
        let log = try String(contentsOf: stderr, encoding: .utf8)
        #expect(log.contains("can be read by every user of this machine (ps shows it); export SPARKLER_SERVE_KEY instead."), "\(log)")
        #expect(!log.contains("cli-secret-7"))
    }

    @Test func aPortInUseIsSaidInWordsWithoutShuttingDownNoise() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        // A socket of this test listens on the port, so the server cannot.
        let taken = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(taken) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(taken, $0, length) == 0 && listen(taken, 1) == 0 && getsockname(taken, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let run = try await cli.run(["serve", "--port", "\(port)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Cannot listen on 127.0.0.1:\(port): another program already uses that port."), "\(run.stderr)")
        #expect(!run.stderr.contains("errno") && !run.stderr.contains("bind(") && !run.stderr.contains("Shutting down"), "\(run.stderr)")
    }

    @Test func aNetworkAddressWithoutAKeyIsBadUsage() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let run = try await cli.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("loopback only"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aNonLoopbackAddressIsNamedInTheRefusal() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let run = try await cli.run(["serve", "--host", "192.0.2.1", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("and 192.0.2.1 resolves to 192.0.2.1"), "\(run.stderr)")
    }
}

private struct ServeFailure: Error {
    var message: String
}
