import Foundation

/// An X server of its own (Xvfb, 24-bit, 96 dpi) on a free display number from :90 up, for tests
/// that run real graphical terminals (see RealTerminal.swift). `start` waits until the server
/// accepts connections (xdpyinfo answers), with a deadline; `stop()` (also run on deinit) ends
/// only the server this object started and removes its folder.
///
///     let display = try await VirtualDisplay.start()
///     defer { display.stop() }
///     let terminal = try await RealTerminal.start(.xterm(vt340: true), fontSize: 9, on: display, ...)
final class VirtualDisplay {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The display's number: `:number` is its name.
    let number: Int
    var name: String { ":\(number)" }
    /// A folder for this display's files (logs, screenshots, scripts), removed by `stop()`.
    let directory: URL
    let width: Int
    let height: Int
    let dpi: Int
    private let server: BackgroundProcess
    private var stopped = false

    /// Display numbers tried, lowest first; one whose socket or lock file exists is skipped.
    static let numbers = 90..<190
    static let toolTimeout: Duration = .seconds(5)

    private init(number: Int, directory: URL, width: Int, height: Int, dpi: Int, server: BackgroundProcess) {
        self.number = number
        self.directory = directory
        self.width = width
        self.height = height
        self.dpi = dpi
        self.server = server
    }

    /// Starts Xvfb on the first free display number and waits until it accepts connections. Another
    /// process that takes the same number first makes this server exit, and the next number is tried.
    static func start(width: Int = 1920, height: Int = 1200, dpi: Int = 96, timeout: Duration = .seconds(15)) async throws -> VirtualDisplay {
        try RealTerminalTools.require(.xvfb, .xdpyinfo)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-x-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var failures: [String] = []
        for number in numbers where !isTaken(number) {
            guard clock.now < deadline else { break }
            let server = try BackgroundProcess(
                ["Xvfb", ":\(number)", "-screen", "0", "\(width)x\(height)x24", "-dpi", "\(dpi)", "-nolisten", "tcp", "-noreset"],
                environment: RealTerminalTools.baseEnvironment(), log: directory.appendingPathComponent("xvfb-\(number).log"))
            let display = VirtualDisplay(number: number, directory: directory, width: width, height: height, dpi: dpi, server: server)
            while clock.now < deadline {
                if let status = server.exitStatus() {
                    failures.append(":\(number): Xvfb exited (\(status)): \(server.logTail(400))")
                    break
                }
                // xdpyinfo also answers when another test's server took the number first; the lock file
                // names the server that owns it.
                if isOwned(number, by: server.pid), (try? display.run(["xdpyinfo"], timeout: .seconds(2))) != nil {
                    return display
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            if server.isRunning {
                display.stop()
                throw Failure(description: "Xvfb :\(number) did not accept connections within \(timeout): \(server.logTail(400))")
            }
            // Lost the number to someone else: keep the folder for the next try.
            display.stopped = true
        }
        try? FileManager.default.removeItem(at: directory)
        throw Failure(description: "no free X display in :\(numbers.lowerBound)-:\(numbers.upperBound - 1) within \(timeout)\n" + failures.joined(separator: "\n"))
    }

    /// Whether a server (or its remains) already holds `number`.
    static func isTaken(_ number: Int) -> Bool {
        FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(number)") || FileManager.default.fileExists(atPath: "/tmp/.X\(number)-lock")
    }

    /// Whether Xvfb's lock file for `number` names `pid` (Xvfb writes its pid there, space-padded).
    static func isOwned(_ number: Int, by pid: pid_t) -> Bool {
        guard let text = try? String(contentsOfFile: "/tmp/.X\(number)-lock", encoding: .utf8) else { return false }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) == pid
    }

    deinit {
        stop()
    }

    /// The environment an X client on this display gets: PATH, HOME (this display's folder),
    /// LANG=C.UTF-8 and DISPLAY, nothing inherited beyond PATH.
    var clientEnvironment: [String: String] {
        var environment = RealTerminalTools.baseEnvironment()
        environment["HOME"] = directory.path
        environment["DISPLAY"] = name
        return environment
    }

    /// Runs an X client (`xdotool`, `xwininfo`, `import`...) on this display to completion and
    /// returns what it printed (stdout and stderr); throws when it fails or outlives `timeout`.
    @discardableResult
    func run(_ arguments: [String], timeout: Duration = toolTimeout) throws -> String {
        let output = directory.appendingPathComponent("tool-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try ChildProcess.run(arguments, environment: clientEnvironment, output: output.path, timeout: timeout)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) on \(name) failed (\(status)): \(text)")
        }
        return text
    }

    /// Ends the server and removes the folder; later calls do nothing.
    func stop() {
        guard !stopped else { return }
        stopped = true
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
