import Foundation

/// A command running in a detached tmux session on a server of its own (its own socket, no user
/// configuration), for end-to-end tests of full-screen programs. Every wait has a timeout, every
/// tmux call too, and `kill()` (also run on deinit) takes the whole server down.
final class Tmux {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The session's name, which is also the target of every command.
    private static let target = "sparkler-test"
    private static let commandTimeout: Duration = .seconds(5)

    let socket = "sparkler-test-\(UUID().uuidString)"
    /// A folder for this session's files (scripts, tmux output), removed by `kill()`.
    let directory: URL
    private var killed = false

    /// Starts `command` in a `width`x`height` pane with exactly `environment` (plus PATH, HOME and
    /// TERM, which default to the test's own and tmux's 256-colour entry). The pane stays after the
    /// command ends, so that its exit status can be read.
    init(
        command: [String], environment: [String: String] = [:], width: Int = 120, height: Int = 40,
        term: String = "tmux-256color"
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let inherited = ProcessInfo.processInfo.environment
        var variables = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/", "TERM": term]
        variables.merge(environment) { _, given in given }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try run([
            "start-server", ";",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "default-terminal", term, ";",
            "new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)", "--",
            "/usr/bin/env", "-i",
        ] + assignments + command)
    }

    /// A bash with no start-up files and the prompt `test$ `, ready for `typeLine`.
    static func shell(environment: [String: String] = [:], width: Int = 120, height: Int = 40, term: String = "tmux-256color") async throws -> Tmux {
        var environment = environment
        environment["PS1"] = "test$ "
        let tmux = try Tmux(command: ["bash", "--norc", "--noprofile"], environment: environment, width: width, height: height, term: term)
        try await tmux.waitFor("test$")
        return tmux
    }

    deinit {
        kill()
    }

    /// Types text literally, as pasted keystrokes.
    func sendText(_ text: String) throws {
        try run(["send-keys", "-t", Self.target, "-l", "--", text])
    }

    /// Presses keys by tmux's names: `Enter`, `Escape`, `C-c`, `M-b`, `F1`, `Tab`, `BTab`, `S-Left`.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", Self.target, "--"] + keys)
    }

    /// Sends raw bytes as if the terminal produced them (a mouse report, an odd sequence).
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", Self.target, "-H", "--"] + bytes.map { String($0, radix: 16) })
    }

    /// Pastes text the way a terminal does when the program asked for bracketed paste (tmux adds the
    /// markers only then), line breaks as carriage returns.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "sparkler-test", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "sparkler-test", "-t", Self.target])
    }

    /// Types a line and presses Enter.
    func typeLine(_ line: String) throws {
        try sendText(line)
        try sendKeys("Enter")
    }

    /// The visible screen, one string per row, trailing blanks trimmed; with `escapes`, each
    /// row carries the SGR sequences of its colours and attributes; with `includingHistory`, the
    /// lines scrolled off the top come first.
    func capture(escapes: Bool = false, includingHistory: Bool = false) throws -> [String] {
        let options = (escapes ? ["-e"] : []) + (includingHistory ? ["-S", "-"] : [])
        let output = try run(["capture-pane", "-p", "-t", Self.target] + options)
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Waits until some row of the screen contains `text`; returns the screen.
    @discardableResult
    /// The bound only matters when the wait fails: 30 s, since a machine busy with the engine's tests can
    /// hold a generation or a redraw back for many seconds.
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> [String] {
        try await waitUntil("'\(text)' on screen", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Polls the screen until `condition` holds; on timeout, fails with the screen it last saw.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: ([String]) -> Bool) async throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            guard clock.now < deadline else {
                throw Failure(description: "timed out waiting for \(what); the screen was:\n" + screen.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Resizes the window (and so the pane); the program in it gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format expanded for the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`, `#{pane_pid}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", Self.target, format]).trimmingCharacters(in: .newlines)
    }

    /// The pane command's exit status once it has ended, nil while it runs.
    func exitStatus() throws -> Int32? {
        let fields = try format("#{pane_dead} #{pane_dead_status}").split(separator: " ")
        guard fields.first == "1", fields.count == 2 else { return nil }
        return Int32(fields[1])
    }

    /// Takes the server down and removes the session's files; later calls do nothing.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs one tmux client command on this session's server and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // Output goes through a file, so that no pipe can fill up and stall tmux.
        let output = directory.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        let command = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        let status = try ChildProcess.run(command, environment: environment, output: output.path, timeout: Self.commandTimeout)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }
}
