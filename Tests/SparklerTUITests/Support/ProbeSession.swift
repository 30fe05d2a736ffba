import Foundation
import TestSupport

/// The `terminal-probe` test program running under a shell in tmux. A small script runs it and then
/// prints its exit status and the terminal modes it left (`stty`), before the shell prompt returns.
struct ProbeSession {
    static let binary = BuiltProduct.url("terminal-probe", override: "TERMINAL_PROBE")

    /// Runs the probe (its path is $1), then reports; `sh` has no job control, so no shell repairs
    /// the terminal modes before `stty` reads them.
    private static let script = """
        "$1"
        echo "probe-exit=$?"
        echo "tty: $(stty -a | tr -s ' ;' '\\n\\n' | grep -x -E -e '-?(icanon|echo|isig|icrnl|opost|ixon)' | tr '\\n' ' ')"
        """

    let tmux: Tmux

    /// Starts the shell and the probe (or another full-screen `program`) in it, and waits until
    /// `readyText` is on the screen.
    static func start(
        environment: [String: String] = [:], width: Int = 120, height: Int = 40, term: String = "tmux-256color",
        program: URL = binary, readyText: String = "terminal-probe pid="
    ) async throws -> ProbeSession {
        var environment = environment
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        let tmux = try await Tmux.shell(environment: environment, width: width, height: height, term: term)
        let script = tmux.directory.appendingPathComponent("run-probe.sh")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        try tmux.typeLine("sh \(script.path) \(program.path)")
        try await tmux.waitFor(readyText)
        return ProbeSession(tmux: tmux)
    }

    /// The probe's process id, from its header row.
    func pid() throws -> pid_t? {
        let header = try tmux.capture().first { $0.hasPrefix("terminal-probe pid=") } ?? ""
        return header.split(separator: " ").first { $0.hasPrefix("pid=") }.flatMap { pid_t($0.dropFirst(4)) }
    }

    /// Waits for the `number`th event line and returns what it says (`key(left, [shift])`).
    @discardableResult
    func waitForEvent(_ number: Int, timeout: Duration = .seconds(30)) async throws -> String {
        let prefix = "\(number): "
        let screen = try await tmux.waitUntil("event \(number)", timeout: timeout) { $0.contains { $0.hasPrefix(prefix) } }
        return String(screen.first { $0.hasPrefix(prefix) }!.dropFirst(prefix.count))
    }

    /// Waits for the probe to end; returns its exit status and the terminal modes it left.
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> (status: Int32, modes: [String]) {
        let screen = try await tmux.waitUntil("the probe's exit and the prompt", timeout: timeout) { screen in
            screen.contains { $0.hasPrefix("tty: ") } && screen.last { !$0.isEmpty } == "test$"
        }
        let status = screen.last { $0.hasPrefix("probe-exit=") }.flatMap { Int32($0.dropFirst("probe-exit=".count)) } ?? -1
        let modes = screen.last { $0.hasPrefix("tty: ") }!.dropFirst(5).split(separator: " ").map(String.init)
        return (status, modes)
    }
}
