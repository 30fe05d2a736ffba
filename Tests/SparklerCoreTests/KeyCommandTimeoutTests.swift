import Foundation
import Testing
@testable import SparklerCore

/// A `key_command` that hangs is stopped at its deadline together with the processes it started, and the
/// message says so in words, never with what the command printed.
@Suite struct KeyCommandTimeoutTests {
    private static let timeoutSeconds = 3.0

    /// Each command starts a `sleep` that would outlive the deadline and writes its pid to `PIDFILE`:
    /// a shell that waits for it, and a shell that exits at once while its child keeps standard output open.
    /// `SECRET` prints a key from a file, so that the secret is not in the command's own text (which messages name).
    @Test(arguments: [
        "SECRET; sleep 300 & echo $! > PIDFILE; wait",
        "SECRET; sleep 300 & echo $! > PIDFILE",
    ])
    func hangingCommandIsStoppedWithItsChildren(template: String) async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-key-pid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        var settings = SparklerConfig.FireworksSettings()
        settings.keyCommand = try template
            .replacingOccurrences(of: "SECRET", with: Self.printing("fw-hanging-secret"))
            .replacingOccurrences(of: "PIDFILE", with: "'\(pidFile.path)'")
        settings.keyCommandTimeoutSeconds = Self.timeoutSeconds

        let resolver = APIKeyResolver(environment: [:], settings: settings)
        #expect {
            try resolver.resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("did not finish within 3 seconds") && text.contains("stopped with every process it started")
                && text.contains("key_command_timeout") && !text.contains("fw-hanging-secret")
        }

        let pidText = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(pid_t(pidText), "the command wrote its child's pid before the deadline")
        #expect(await Self.hasEnded(child), "the key command's child \(child) is still running")
    }

    @Test func commandWithinItsTimeGivesTheKey() throws {
        var settings = SparklerConfig.FireworksSettings()
        settings.keyCommand = "sleep 0.1; echo fw-slow-key"
        settings.keyCommandTimeoutSeconds = 120
        let key = try #require(try APIKeyResolver(environment: [:], settings: settings).resolve())
        #expect(key.value == "fw-slow-key")
    }

    @Test func commandKilledBySignalSaysSo() throws {
        var settings = SparklerConfig.FireworksSettings()
        settings.keyCommand = try Self.printing("fw-half-secret") + "; kill -TERM $$"
        #expect {
            try APIKeyResolver(environment: [:], settings: settings).resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("killed by signal 15") && !text.contains("fw-half-secret")
        }
    }

    private static func printing(_ secret: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-key-\(UUID().uuidString)")
        try Data((secret + "\n").utf8).write(to: file)
        return "cat '\(file.path)'"
    }

    /// Gone or a zombie (killed, not yet reaped by whoever adopted it); the bound only matters when it fails.
    private static func hasEnded(_ pid: pid_t) async -> Bool {
        let bound = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < bound {
            if kill(pid, 0) == -1 && errno == ESRCH { return true }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
