import ArgumentParser
import Foundation
import SparklerCore
import SparklerEngine
import SparklerGraphics

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report what Sparkler detected: terminal, graphics, configuration, key, backend, offline engine and paths.",
        discussion: "A report: exits 0 even when something is missing. The API key itself is never printed."
    )

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @OptionGroup var options: GraphicsOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // A broken config.toml is part of the report, not a reason to stop.
        let setup = Result { () throws(ConfigError) in try SparklerSetup(environment: environment) }
        let settings = (try? setup.get())?.config.terminal ?? SparklerConfig.TerminalSettings()
        // The terminal is asked even when the report goes to a file or a pipe.
        let probe = TerminalProbe().askControllingTerminal()
        // The colours the playground's ncurses will have, from the entry it will choose: the depth it actually uses.
        let curses = CursesTerminalType.choose(environment: environment, answers: probe?.0.answers)
        let graphics = options.detector(settings: settings).detect(
            environment: environment, answers: probe?.0.answers, window: probe?.1,
            cursesColorCount: curses.colors, cursesTerminal: curses)
        let report = DoctorReport(paths: SparklerPaths(environment: environment), setup: setup, graphics: graphics)
        if json {
            try EntryJSON.print(report)
        } else {
            print(report.lines.joined(separator: "\n"))
        }
    }
}

/// What `sparkler doctor` found, in the shape `--json` prints.
struct DoctorReport: Encodable {
    struct Terminal: Encodable {
        var term: String?
        var termProgram: String?
        var colorterm: String?
        var insideTmux: Bool
        var tmuxPassthrough: Bool
    }

    struct Graphics: Encodable {
        var mode: String
        var modeReason: String
        var colors: String
        var colorsReason: String
        var symbols: String
        /// One cell in pixels and where that came from.
        var cell: String
        /// What the terminal was asked at start-up, nil when there was no terminal to ask.
        var asked: [String]?
        /// Its answers, as read.
        var answers: [String]?
    }

    struct Config: Encodable {
        var path: String
        var exists: Bool
        var parses: Bool
        var error: String?
    }

    struct Key: Encodable {
        var set: Bool
        var source: String?
        var error: String?
    }

    var version = SparklerVersion.current
    var terminal: Terminal
    var graphics: Graphics
    var config: Config
    var historyDirectory: String
    var historyExists: Bool
    var apiKey: Key
    /// nil where a broken config.toml leaves them unknown.
    var fireworksBaseUrl: String?
    var defaultModel: String?
    /// Where pictures are made without options: `fireworks`, `local` (and why), or why neither can.
    var backend: String?
    /// The offline engine's model folder, or where it was looked for.
    var offlineEngine: String

    init(paths: SparklerPaths, setup: Result<SparklerSetup, ConfigError>, graphics detected: TerminalGraphics) {
        let found = detected.terminal
        terminal = Terminal(
            term: found.term, termProgram: found.termProgram, colorterm: found.colorTerm,
            insideTmux: found.insideTmux, tmuxPassthrough: detected.tmuxPassthroughAllowed)
        graphics = Graphics(
            mode: detected.mode.rawValue, modeReason: detected.modeReason,
            colors: detected.colorDepth.rawValue, colorsReason: detected.colorReason, symbols: detected.symbols.rawValue,
            cell: detected.cell.description,
            asked: detected.answers.map { _ in TerminalQuery.asked.map(\.name) },
            answers: detected.answers.map { $0.replies.map(\.description) })
        let configExists = FileManager.default.fileExists(atPath: paths.configFile.path)
        let history: URL
        switch setup {
        case .success(let setup):
            config = Config(path: paths.configFile.path, exists: configExists, parses: true)
            history = setup.historyDirectory
            fireworksBaseUrl = setup.fireworksBaseURL
            apiKey = Self.key(setup)
            do {
                let selection = try BackendSelection.resolve(
                    kind: setup.config.backend ?? .auto, model: nil, configuredModel: setup.config.model,
                    hasKey: apiKey.set, catalogue: setup.catalogue
                )
                defaultModel = selection.model.id.path
                backend = selection.provider.rawValue + (selection.notice.map { " (\($0))" } ?? "")
            } catch {
                defaultModel = setup.defaultModel
                backend = "none: \(error)"
            }
        case .failure(let error):
            config = Config(path: paths.configFile.path, exists: configExists, parses: false, error: error.description)
            history = paths.historyDirectory
            apiKey = Key(set: false, error: "unknown while config.toml is broken")
        }
        do {
            let environment = (try? setup.get())?.environment ?? ProcessInfo.processInfo.environment
            offlineEngine = try EngineModelLocator.locate(environment: environment).path
        } catch {
            offlineEngine = (error as? ModelLoadingError)?.description ?? "\(error)"
        }
        historyDirectory = history.path
        historyExists = FileManager.default.fileExists(atPath: history.path)
    }

    private static func key(_ setup: SparklerSetup) -> Key {
        do {
            guard let key = try setup.apiKey() else { return Key(set: false) }
            return Key(set: true, source: key.sourceDescription)
        } catch {
            return Key(set: false, error: error.description)
        }
    }

    /// The report as aligned `label: value` lines, made safe for the terminal.
    var lines: [String] {
        let rows: [(String, String)] = [
            ("sparkler", version),
            ("TERM", terminal.term ?? "not set"),
            ("TERM_PROGRAM", terminal.termProgram ?? "not set"),
            ("COLORTERM", terminal.colorterm ?? "not set"),
            ("tmux", tmuxLine),
            ("graphics", "\(graphics.mode) (\(graphics.modeReason))"),
            ("colours", "\(graphics.colors) (\(graphics.colorsReason))"),
            ("symbols", graphics.symbols),
            ("cell", graphics.cell),
            ("asked", graphics.asked.map { $0.joined(separator: ", ") } ?? "nothing: no terminal on standard input and output"),
            ("answers", graphics.answers.map { $0.isEmpty ? "none within 150 ms" : $0.joined(separator: "; ") } ?? "none"),
            ("config", configLine),
            ("history", historyDirectory + (historyExists ? "" : " (not created yet)")),
            ("API key", keyLine),
            ("Fireworks", fireworksBaseUrl ?? "unknown while config.toml is broken"),
            ("backend", backend ?? "unknown while config.toml is broken"),
            ("model", defaultModel ?? "unknown while config.toml is broken"),
            ("offline engine", offlineEngine),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label + String(repeating: " ", count: width - label.count) + "  " + DisplayText.clean(value)
        }
    }

    private var tmuxLine: String {
        guard terminal.insideTmux else { return "not inside tmux" }
        return terminal.tmuxPassthrough ? "inside tmux, passthrough allowed" : "inside tmux, passthrough not allowed (--tmux-passthrough)"
    }

    private var configLine: String {
        if let error = config.error { return "\(config.path) is broken: \(error)" }
        return config.path + (config.exists ? " (read)" : " (not found; defaults apply)")
    }

    private var keyLine: String {
        if let error = apiKey.error { return "not usable: \(error)" }
        guard apiKey.set, let source = apiKey.source else { return "not set" }
        return "set (from \(source))"
    }
}
