import ArgumentParser
import Foundation
import SparklerCore
import SparklerGraphics
import SparklerTUI

@main
struct Sparkler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparkler",
        abstract: "A terminal playground for text-to-image models.",
        discussion: """
            With no command, opens the playground. Commands for scripts:
            generate, compare, history, serve, render, doctor, keys. Exit codes: 0 done, 1 failed, 2 bad usage.
            """,
        version: SparklerVersion.current,
        subcommands: [GenerateCommand.self, CompareCommand.self, HistoryCommand.self, ServeCommand.self, RenderCommand.self, DoctorCommand.self, KeysCommand.self]
    )

    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, mono, or one of yours (default: `theme` in config.toml).", completion: CompletionValues.themes)
    var theme: String?

    // Shared with `render` and `doctor`: argument-parser hands a parent's options to subcommands.
    @OptionGroup var graphicsOptions: GraphicsOptions
    @OptionGroup var backendOptions: BackendOptions

    /// The playground. It needs a terminal on both ends; scripts get pointed at the headless commands.
    func run() async throws {
        guard TerminalSession.isInteractive else {
            throw CommandFailure.usage(
                "The playground needs a terminal (stdin and stdout are redirected). For scripts use `sparkler generate` and `sparkler history`; `sparkler --help` lists every command."
            )
        }
        if let problem = TerminalEnvironment(ProcessInfo.processInfo.environment).fullScreenProblem {
            throw CommandFailure.usage(
                "The playground cannot run here: \(problem). Start it in a terminal emulator (TERM=xterm-256color and the like); for scripts use `sparkler generate` and `sparkler history`."
            )
        }
        let setup = try CommandSetup.load()
        do {
            try await Playground(setup: setup, backend: PlaygroundSetup.backend(setup, kind: backendOptions.backend), options: Playground.Options(theme: theme, graphics: graphicsOptions.detector(settings: setup.config.terminal))).run()
        } catch {
            throw CommandFailure.failed("The playground stopped: \(error)")
        }
    }

    /// Maps every failure to the exit codes scripts rely on: 1 for a failed run, 2 for bad usage.
    static func main() async {
        CommandLog.bootstrap()
        var name = "sparkler"
        do {
            var command = try parseAsRoot()
            name = commandName(of: command)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError where name != "sparkler" {
            // Found while running, past the parser that knows which command it was: point at that command's
            // help, not the top-level usage.
            FileHandle.standardError.write(Data("Error: \(error.message)\nSee '\(name) --help' for its options.\n".utf8))
            Foundation.exit(ExitStatus.usage)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // argument-parser ends usage errors with EX_USAGE (64); scripts here expect 2.
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}

/// `sparkler generate`, `sparkler history spend`: how a parsed command is invoked.
private func commandName(of command: any ParsableCommand) -> String {
    func name(_ type: any ParsableCommand.Type) -> String {
        type.configuration.commandName ?? String(describing: type).replacingOccurrences(of: "Command", with: "").lowercased()
    }
    let type = type(of: command)
    guard type != Sparkler.self else { return "sparkler" }
    let parent = Sparkler.configuration.subcommands.first { $0.configuration.subcommands.contains { $0 == type } }
    return (["sparkler"] + (parent.map { [name($0)] } ?? []) + [name(type)]).joined(separator: " ")
}

/// A failure already worded for the user, with the exit code it ends the process with.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.usage) }
    static func failed(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.failed) }
}
