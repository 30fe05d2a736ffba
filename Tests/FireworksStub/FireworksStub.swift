import ArgumentParser
import FireworksTestServer
import Foundation

/// The Fireworks test server as a process of its own, for benchmarks and terminal tests that drive
/// the real binary: prints its base URL on the first line, then serves until killed.
@main
struct FireworksStub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fireworks-stub",
        abstract: "A local server that speaks the Fireworks image API, for tests and benchmarks."
    )

    @Option(help: "The API key clients must send.")
    var key = "test-key"

    @Option(help: "Milliseconds to wait before each answer, like a real model's latency.")
    var delayMs = 0

    func run() async throws {
        let server = try await FireworksTestServer.start(apiKey: key)
        if delayMs > 0 {
            server.setDefault(.delayed(.milliseconds(delayMs), then: .answer()))
        }
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
        while true {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}
