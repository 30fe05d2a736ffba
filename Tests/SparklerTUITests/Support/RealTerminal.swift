import Foundation
import SparklerCore

/// A real graphical terminal, xterm (plain or with `-ti vt340`, which draws sixel) or kitty
/// (software OpenGL), on a `VirtualDisplay`, running one command with exactly the environment a
/// test gives, at a given size in cells and font size (DejaVu Sans Mono). Tests look at what it
/// drew through screenshots of its window, pixel by pixel, and drive it with X key events.
///
///     let display = try await VirtualDisplay.start()
///     defer { display.stop() }
///     let terminal = try await RealTerminal.start(
///         .xterm(vt340: true), fontSize: 9, columns: 40, rows: 12,
///         command: ["/bin/sh", "-c", "printf '\\033[41m  \\033[0m'; touch done; exec sleep 60"],
///         environment: ["PATH": "/usr/bin:/bin"], on: display)
///     defer { terminal.stop() }
///     let shot = try await terminal.waitUntil("a red cell") { $0.boundingBox(of: PixelColor(205, 0, 0)) != nil }
///     #expect(shot.boundingBox(of: PixelColor(205, 0, 0)) == terminal.rect(column: 0, row: 0, columns: 2, rows: 1))
///
/// Geometry (measured, see docs/REAL_TERMINALS.md): a screenshot is the window without its X
/// border; xterm's cells start 2 px in (its internal border) and kitty's at 0, and cells are
/// whole pixels, measured from the window's size. Every external call has a timeout, every wait
/// a deadline; `stop()` (also run on deinit) ends only the terminal this object started (its
/// command gets SIGHUP as the terminal goes).
final class RealTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    enum Kind: Sendable, Equatable, CustomStringConvertible {
        /// xterm; `vt340` adds `-ti vt340`, whose sixel graphics plain xterm lacks. Alt sends Esc-prefixed
        /// keys (`metaSendsEscape`), as the README asks of xterm's users.
        case xterm(vt340: Bool)
        /// kitty with LIBGL_ALWAYS_SOFTWARE=1, no user configuration, no cursor blink.
        case kitty

        var description: String {
            switch self {
            case .xterm(let vt340): vt340 ? "xterm -ti vt340" : "xterm"
            case .kitty: "kitty"
            }
        }

        /// The TERM the command gets when the test gives none.
        var defaultTerm: String {
            switch self {
            case .xterm: "xterm-256color"
            case .kitty: "xterm-kitty"
            }
        }

        /// Pixels between the window's edge and the first cell, on every side.
        var padding: Int {
            switch self {
            case .xterm: 2
            case .kitty: 0
            }
        }
    }

    struct CellSize: Equatable, Sendable, CustomStringConvertible {
        var width: Int
        var height: Int
        var description: String { "\(width)x\(height)" }
    }

    static let font = "DejaVu Sans Mono"

    let kind: Kind
    let fontSize: Double
    let columns: Int
    let rows: Int
    let display: VirtualDisplay
    /// The X window screenshots are taken of and keys are sent to (decimal, as xdotool prints it).
    let windowID: String
    /// The window's size in pixels, without its X border: a screenshot's size.
    let windowWidth: Int
    let windowHeight: Int
    /// One cell's size in pixels.
    let cellSize: CellSize
    /// Where cell (0, 0)'s top left pixel is in a screenshot.
    let textOrigin: (x: Int, y: Int)
    /// A folder for this terminal's files (scripts, marker files, the terminal's log).
    let directory: URL
    private let process: BackgroundProcess
    private var screenshots = 0

    private init(
        kind: Kind, fontSize: Double, columns: Int, rows: Int, display: VirtualDisplay, windowID: String,
        windowSize: (Int, Int), directory: URL, process: BackgroundProcess
    ) throws {
        self.kind = kind
        self.fontSize = fontSize
        self.columns = columns
        self.rows = rows
        self.display = display
        self.windowID = windowID
        (windowWidth, windowHeight) = windowSize
        self.directory = directory
        self.process = process
        textOrigin = (kind.padding, kind.padding)
        // xterm's window is exactly the cells plus its border; kitty's is a pixel larger each way.
        cellSize = CellSize(width: (windowSize.0 - 2 * kind.padding) / columns, height: (windowSize.1 - 2 * kind.padding) / rows)
        guard cellSize.width > 0, cellSize.height > 0 else {
            throw Failure(description: "\(kind)'s window is \(windowSize.0)x\(windowSize.1) px, too small for \(columns)x\(rows) cells")
        }
    }

    /// A folder made for a terminal before it starts, so that its command can be given paths in
    /// it (scripts, marker files); `start(..., directory:)` uses it.
    static func makeDirectory(on display: VirtualDisplay) throws -> URL {
        let directory = display.directory.appendingPathComponent("terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Starts the terminal on `display` running `command` under `env -i` with exactly
    /// `environment` (TERM defaults to `kind.defaultTerm`; DISPLAY, PATH and HOME are not added),
    /// and waits until its window is mapped at its final size.
    static func start(
        _ kind: Kind, fontSize: Double, columns: Int = 80, rows: Int = 24, command: [String],
        environment: [String: String] = [:], on display: VirtualDisplay, directory: URL? = nil,
        timeout: Duration = .seconds(20)
    ) async throws -> RealTerminal {
        switch kind {
        case .xterm: try RealTerminalTools.require(.xterm, .xdotool, .xwininfo, .importTool, .dejaVuSansMono)
        case .kitty: try RealTerminalTools.require(.kitty, .xdotool, .xwininfo, .importTool, .dejaVuSansMono)
        }
        let directory = try directory ?? makeDirectory(on: display)
        var variables = environment
        variables["TERM"] = variables["TERM"] ?? kind.defaultTerm
        let inner = ["/usr/bin/env", "-i"] + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + command
        let size = fontSize.rounded() == fontSize ? String(Int(fontSize)) : String(fontSize)
        var terminalEnvironment = display.clientEnvironment
        let arguments: [String]
        switch kind {
        case .xterm(let vt340):
            arguments = ["xterm", "-display", display.name] + (vt340 ? ["-ti", "vt340"] : [])
                + ["-xrm", "XTerm*metaSendsEscape: true"]
                + ["-fa", font, "-fs", size, "-geometry", "\(columns)x\(rows)+0+0", "-title", "sparkler-real-terminal", "-e"] + inner
        case .kitty:
            terminalEnvironment["LIBGL_ALWAYS_SOFTWARE"] = "1"
            terminalEnvironment["HOME"] = directory.path
            terminalEnvironment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
            terminalEnvironment["XDG_CACHE_HOME"] = directory.appendingPathComponent("cache").path
            let options = [
                "font_family=\(font)", "font_size=\(size)", "remember_window_size=no",
                "initial_window_width=\(columns)c", "initial_window_height=\(rows)c", "placement_strategy=top-left",
                "cursor_blink_interval=0", "enable_audio_bell=no", "shell_integration=disabled", "linux_display_server=x11",
            ]
            arguments = ["kitty", "--config", "NONE"] + options.flatMap { ["-o", $0] } + ["--title", "sparkler-real-terminal"] + inner
        }
        let process = try BackgroundProcess(arguments, environment: terminalEnvironment, log: directory.appendingPathComponent("terminal.log"))
        do {
            let (windowID, windowSize) = try await waitForWindow(of: process, kind: kind, on: display, timeout: timeout)
            return try RealTerminal(
                kind: kind, fontSize: fontSize, columns: columns, rows: rows, display: display, windowID: windowID,
                windowSize: windowSize, directory: directory, process: process)
        } catch {
            process.stop()
            throw error
        }
    }

    /// Polls for the process's visible window, then until its size reads the same twice in a row.
    private static func waitForWindow(
        of process: BackgroundProcess, kind: Kind, on display: VirtualDisplay, timeout: Duration
    ) async throws -> (String, (Int, Int)) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var windowID: String?
        var lastSize: (Int, Int)?
        while true {
            if let status = process.exitStatus() {
                throw Failure(description: "\(kind) exited (\(status)) before its window was ready: \(process.logTail())")
            }
            if windowID == nil {
                let found = (try? display.run(["xdotool", "search", "--onlyvisible", "--pid", "\(process.pid)"])) ?? ""
                windowID = found.split(separator: "\n").first { !$0.isEmpty && $0.allSatisfy(\.isNumber) }.map(String.init)
            }
            if let windowID, let size = try? windowSize(windowID, on: display) {
                if let lastSize, lastSize == size { return (windowID, size) }
                lastSize = size
            }
            guard clock.now < deadline else {
                throw Failure(description: "\(kind)'s window was not ready within \(timeout): \(process.logTail())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The window's inside size (`xwininfo`'s Width and Height, which leave out the X border).
    private static func windowSize(_ windowID: String, on display: VirtualDisplay) throws -> (Int, Int) {
        let info = try display.run(["xwininfo", "-id", windowID])
        func field(_ name: String) -> Int? {
            info.split(separator: "\n").lazy
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(name + ":") }
                .flatMap { Int($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)) }
        }
        guard let width = field("Width"), let height = field("Height") else {
            throw Failure(description: "xwininfo -id \(windowID) gave no size: \(info)")
        }
        return (width, height)
    }

    deinit {
        stop()
    }

    // MARK: Geometry

    /// The pixels of the cells `column..<column+columns` by `row..<row+rows` in a screenshot.
    func rect(column: Int, row: Int, columns: Int = 1, rows: Int = 1) -> ScreenRect {
        ScreenRect(
            x: textOrigin.x + column * cellSize.width, y: textOrigin.y + row * cellSize.height,
            width: columns * cellSize.width, height: rows * cellSize.height)
    }

    /// All the cells' pixels.
    var textArea: ScreenRect { rect(column: 0, row: 0, columns: columns, rows: rows) }

    /// Half a cell each way: how far anti-aliased glyph edges may bleed past a region of cells.
    var halfCell: (x: Int, y: Int) { (cellSize.width / 2, cellSize.height / 2) }

    /// Whether pixel column `x` of a screenshot is the first or the last of its cell's, where a glyph of the
    /// next cell may bleed in (xterm's anti-aliasing).
    func isCellEdge(x: Int) -> Bool {
        let offset = (x - textOrigin.x) % cellSize.width
        return offset == 0 || offset == cellSize.width - 1
    }

    // MARK: Looking

    /// The window as it is now (its size is `windowWidth` x `windowHeight`).
    func screenshot() throws -> RGBAImage {
        screenshots += 1
        let file = directory.appendingPathComponent("screenshot-\(screenshots).png")
        defer { try? FileManager.default.removeItem(at: file) }
        // A loaded machine (a Swift build beside the tests) has taken import more than five seconds.
        try display.run(["import", "-silent", "-window", windowID, "png32:\(file.path)"], timeout: .seconds(20))
        let data = try Data(contentsOf: file)
        return try ImageCodec.decode(data)
    }

    /// Polls screenshots until `condition` holds for one and returns it; on timeout (or when the
    /// terminal has gone) fails, keeping the last screenshot in `RealTerminal.failureFolder`.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), _ condition: (RGBAImage) throws -> Bool
    ) async throws -> RGBAImage {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let shot = try screenshot()
            if try condition(shot) { return shot }
            guard clock.now < deadline, process.isRunning else {
                let kept = keepForFailure(shot, named: what)
                let reason = process.isRunning ? "timed out after \(timeout)" : "\(kind) exited (\(process.exitStatus() ?? -1))"
                throw Failure(description: "\(kind): \(reason) waiting for \(what); last screenshot: \(kept)\n\(process.logTail(600))")
            }
            try await Task.sleep(for: .milliseconds(60))
        }
    }

    /// A screenshot once the window has stopped changing: two taken `interval` apart are equal.
    func stableScreenshot(interval: Duration = .milliseconds(150), timeout: Duration = .seconds(10)) async throws -> RGBAImage {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var previous = try screenshot()
        while true {
            try await Task.sleep(for: interval)
            let shot = try screenshot()
            if shot == previous { return shot }
            guard clock.now < deadline else {
                let kept = keepForFailure(shot, named: "stable window")
                throw Failure(description: "\(kind): the window kept changing for \(timeout); last screenshot: \(kept)")
            }
            previous = shot
        }
    }

    /// A still screenshot once the program has drawn its screen, not the blank window before it: keys sent
    /// earlier reach the terminal's line discipline while it is still in cooked mode, which eats Ctrl-U.
    func drawnScreenshot(timeout: Duration = .seconds(60)) async throws -> RGBAImage {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let shot = try await stableScreenshot()
            let corner = shot.color(x: 0, y: 0)
            if shot.count(where: { $0 != corner }) > shot.width * shot.height / 50 { return shot }
            guard clock.now < deadline else {
                throw Failure(description: "\(kind): nothing drawn within \(timeout); last screenshot: \(keepForFailure(shot, named: "blank window"))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until the file at `url` exists (a marker the command writes) and returns its text.
    @discardableResult
    func waitForFile(_ url: URL, timeout: Duration = .seconds(10)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !FileManager.default.fileExists(atPath: url.path) {
            guard clock.now < deadline, process.isRunning else {
                let kept = (try? screenshot()).map { keepForFailure($0, named: url.lastPathComponent) } ?? "none"
                let reason = process.isRunning ? "timed out after \(timeout)" : "\(kind) exited (\(process.exitStatus() ?? -1))"
                throw Failure(description: "\(kind): \(reason) waiting for \(url.path); last screenshot: \(kept)\n\(process.logTail(600))")
            }
            try await Task.sleep(for: .milliseconds(30))
        }
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Where screenshots of failed waits are kept (the display's folder goes with the display).
    static let failureFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-real-terminal-failures")

    private func keepForFailure(_ shot: RGBAImage, named what: String) -> String {
        let name = what.map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(60)
        let file = Self.failureFolder.appendingPathComponent("\(kind)-\(String(name))-\(UUID().uuidString.prefix(8)).png"
            .replacingOccurrences(of: " ", with: "_"))
        do {
            try FileManager.default.createDirectory(at: Self.failureFolder, withIntermediateDirectories: true)
            try ImageCodec.encode(shot, as: .png).write(to: file)
            return file.path
        } catch {
            return "not kept (\(error))"
        }
    }

    // MARK: Typing

    /// Presses keys by X keysym names (`Return`, `Escape`, `ctrl+c`, `a`, `F1`, `shift+Tab`), as a
    /// keyboard would: the window gets the focus, then XTEST events (xterm ignores sent events).
    func press(_ keys: String...) throws {
        try display.run(["xdotool", "windowfocus", "--sync", windowID, "key", "--clearmodifiers", "--delay", "20"] + keys)
    }

    /// Types text as keystrokes.
    func type(_ text: String) throws {
        try display.run(["xdotool", "windowfocus", "--sync", windowID, "type", "--clearmodifiers", "--delay", "12", "--", text],
                        timeout: .seconds(5) + .milliseconds(20 * text.count))
    }

    // MARK: Life

    /// The terminal's exit status once it has ended (it ends when its command does), nil while it runs.
    func exitStatus() -> Int32? {
        process.exitStatus()
    }

    /// What the terminal itself printed (kitty's parse errors, xterm's warnings).
    func log() -> String {
        process.logTail(20_000)
    }

    /// Ends the terminal, then whatever its command started that outlived it. Later calls do nothing.
    func stop() {
        let command = process.isRunning ? ProcessTree.descendants(of: process.pid) : ProcessTree(members: [])
        process.stop()
        command.end()
    }
}
