import FireworksTestServer
import Foundation
import Testing

/// `key_command` as password managers print keys, through the built binary and a real server.
@Suite struct KeyCommandTests {
    private static let key = "fw-pass-entry-0123456789"

    @Test func aPassEntryGivesItsFirstLineAsTheKey() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(baseURL: server.baseURL)
        defer { cli.cleanUp() }
        try cli.writeConfig("""
            [fireworks]
            key_command = "printf '\(Self.key)\\\\nlogin: me@example.com\\\\nurl: https://fireworks.ai\\\\n'"
            """)

        let output = cli.home.appendingPathComponent("fox.jpg").path
        let run = try await cli.run(["generate", "a red fox", "--backend", "fireworks", "-o", output])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(server.requests.first?.header("Authorization") == "Bearer \(Self.key)")
    }

    @Test func aKeyWithAControlCharacterIsRefusedAndNeverPrintedOrStored() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(baseURL: server.baseURL)
        defer { cli.cleanUp() }
        // A script prints the key, so that it is not in the command's own text (which messages name). `sh`
        // reads it: executing a freshly written file can fail with "text file busy" while another test forks.
        let script = cli.home.appendingPathComponent("print-key")
        try "printf 'fw-half-secret\\tother-half-secret\\n'\n".write(to: script, atomically: true, encoding: .utf8)
        try cli.writeConfig("""
            [fireworks]
            key_command = "sh \(script.path)"
            """)

        let run = try await cli.run(["generate", "a red fox", "--backend", "fireworks", "--json"])
        await server.shutdown()
        #expect(run.status != 0)
        #expect(run.stderr.contains("contains a tab"), "\(run.stderr)")
        #expect(!run.stderr.contains("secret") && !run.stdout.contains("secret"))
        #expect(server.requests.isEmpty)

        let listed = try await cli.run(["history", "list", "--json"])
        #expect(!listed.stdout.contains("secret") && !listed.stderr.contains("secret"))
    }

    @Test func aKeyCommandThatHangsIsStoppedAndSaysSo() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(baseURL: server.baseURL)
        defer { cli.cleanUp() }
        try cli.writeConfig("""
            [fireworks]
            key_command = "sleep 600"
            key_command_timeout = 1
            """)

        let run = try await cli.run(["generate", "a red fox", "--backend", "fireworks"])
        await server.shutdown()
        #expect(run.status != 0)
        #expect(run.stderr.contains("The key_command `sleep 600` in config.toml did not finish within 1 second"), "\(run.stderr)")
        #expect(server.requests.isEmpty)
    }
}
