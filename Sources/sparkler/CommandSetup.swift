import Foundation
import SparklerCore

/// Loads what commands share, turning each failure into the message and exit code users expect.
enum CommandSetup {
    static func load() throws -> SparklerSetup {
        do {
            return try SparklerSetup()
        } catch {
            throw CommandFailure.usage("The configuration is broken: \(error). Fix that line and try again.")
        }
    }

    /// Runs a check whose failure is the user's input, not the run: exit code 2.
    static func usage<T>(_ check: () throws(ParameterError) -> T) throws -> T {
        do {
            return try check()
        } catch {
            throw CommandFailure.usage(error.description.prefix(1).uppercased() + error.description.dropFirst())
        }
    }

    static func backend(_ setup: SparklerSetup) throws -> FireworksBackend {
        let key: APIKey?
        do {
            key = try setup.apiKey()
        } catch {
            throw CommandFailure.failed(error.description)
        }
        guard let key else {
            throw CommandFailure.failed("""
                No Fireworks API key is set. Export FIREWORKS_API_KEY=fw_..., or set key_command or key_file \
                under [fireworks] in \(setup.paths.configFile.path).
                """)
        }
        return FireworksBackend(configuration: setup.fireworksConfiguration(key: key))
    }

    static func history(_ setup: SparklerSetup) throws -> HistoryStore {
        do {
            return try setup.openHistory()
        } catch {
            throw CommandFailure.failed("The history in \(setup.historyDirectory.path) cannot be opened: \(error)")
        }
    }
}

enum Stderr {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Tells the user on stderr why they are waiting (retries after rate limits or server trouble).
enum ProgressReporter {
    @Sendable static func report(_ progress: GenerationProgress) {
        switch progress {
        case .retrying(let attempt, let delay, let reason):
            Stderr.write("\(reason); retrying in \(String(format: "%.1f", delay.inSeconds)) s (attempt \(attempt + 1)).")
        case .step:
            break
        }
    }
}
