import Foundation
import Testing

/// Whatever way the program ends, the terminal is left as it was found: main screen, cursor
/// shown, mouse reporting and keypad mode off, cooked line modes back, later output readable.
@Suite("Terminal restored on every exit in tmux")
struct TerminalRestoreTests {
    private static let cookedModes = ["icanon", "echo", "isig", "icrnl", "opost", "ixon"]

    private func expectRestored(_ probe: ProbeSession, modes: [String]) throws {
        let flags = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_button_flag} #{keypad_cursor_flag}"
        #expect(try probe.tmux.format(flags) == "0 1 0 0 0")
        #expect(Set(modes) == Set(Self.cookedModes))
    }

    @Test func afterQuitting() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        try probe.tmux.sendKeys("q")
        let (status, modes) = try await probe.waitForExit()
        #expect(status == 0)
        try expectRestored(probe, modes: modes)
        #expect(try probe.tmux.capture().contains("probe stopped"))
    }

    @Test func afterSIGTERM() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let pid = try #require(try probe.pid())
        kill(pid, SIGTERM)
        let (status, modes) = try await probe.waitForExit()
        #expect(status == 128 + SIGTERM)
        try expectRestored(probe, modes: modes)
    }

    /// Swift's backtracer takes SIGQUIT for a backtrace and lets the program run on, so that before, the
    /// second SIGQUIT killed it unrestored; now the first ends it, restored, and the second changes nothing.
    @Test func afterTwoSIGQUITsInARow() async throws {
        let probe = try await ProbeSession.start(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no"])
        defer { probe.tmux.kill() }
        let pid = try #require(try probe.pid())
        kill(pid, SIGQUIT)
        kill(pid, SIGQUIT)
        let (status, modes) = try await probe.waitForExit(timeout: .seconds(30))
        #expect(status == 128 + SIGQUIT)
        try expectRestored(probe, modes: modes)
    }

    /// A second signal of another kind while the first one's restore runs waits for it: the process ends
    /// by one of them (the kernel delivers the lower-numbered first), with the terminal restored.
    @Test func afterSIGTERMAndSIGINTInARow() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let pid = try #require(try probe.pid())
        kill(pid, SIGTERM)
        kill(pid, SIGINT)
        let (status, modes) = try await probe.waitForExit()
        #expect([128 + SIGTERM, 128 + SIGINT].contains(status), "\(status)")
        try expectRestored(probe, modes: modes)
    }

    @Test func afterACrashWithItsMessageShown() async throws {
        let probe = try await ProbeSession.start(environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { probe.tmux.kill() }
        try probe.tmux.sendKeys("!")
        let (status, modes) = try await probe.waitForExit()
        #expect(status == 128 + SIGILL)
        try expectRestored(probe, modes: modes)
        // Written to standard error on the alternate screen, replayed once the terminal is back.
        #expect(try probe.tmux.capture().contains { $0.contains("Fatal error: deliberate crash") })
    }

    @Test func afterACrashReportedBySwiftsBacktracer() async throws {
        let probe = try await ProbeSession.start(environment: ["SWIFT_BACKTRACE": "interactive=no,color=no"])
        defer { probe.tmux.kill() }
        try probe.tmux.sendKeys("!")
        let (status, modes) = try await probe.waitForExit(timeout: .seconds(30))
        #expect(status == 128 + SIGILL)
        try expectRestored(probe, modes: modes)
        let history = try probe.tmux.capture(includingHistory: true)
        #expect(history.contains { $0.contains("Program crashed") })
    }
}
