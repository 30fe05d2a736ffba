import Foundation
import Synchronization
import SparklerCore
import SparklerEngine

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

    /// The model a command runs and the backend that runs it (see `BackendSelection`); says on stderr
    /// when the offline engine stands in for a missing key, when that is news (see `AutoBackendMemory`).
    /// `workflowTimeout` bounds a FLUX Kontext request's whole wait (`--timeout`).
    static func session(
        _ setup: SparklerSetup, backend kind: BackendKind?, model: String?, workflowTimeout: Duration? = nil
    ) throws -> CommandSession {
        let key: APIKey?
        do {
            key = try setup.apiKey()
        } catch {
            throw CommandFailure.failed(error.description)
        }
        let selection: BackendSelection
        do {
            selection = try BackendSelection.resolve(
                kind: kind ?? setup.config.backend ?? .auto, model: model, configuredModel: setup.config.model,
                hasKey: key != nil, catalogue: setup.catalogue
            )
        } catch {
            switch error {
            case .usage(let problem):
                throw CommandFailure.usage(problem.description.prefix(1).uppercased() + problem.description.dropFirst())
            case .missingKey(let model):
                throw CommandFailure.failed("""
                    \(model) runs on Fireworks and no API key is set. Export FIREWORKS_API_KEY=fw_..., or set key_command \
                    or key_file under [fireworks] in \(setup.paths.configFile.path); or use the offline engine with --backend local.
                    """)
            }
        }
        if (kind ?? setup.config.backend ?? .auto) == .auto,
           AutoBackendMemory(stateDirectory: setup.paths.stateDirectory).note(selection.provider),
           let notice = selection.notice {
            Stderr.write(notice + " (said once; `sparkler doctor` shows the backend any time)")
        }
        switch selection.provider {
        case .fireworks:
            // BackendSelection only picks Fireworks with a key.
            var configuration = setup.fireworksConfiguration(key: key!)
            if let workflowTimeout { configuration.workflowTimeout = workflowTimeout }
            return CommandSession(model: selection.model, backend: FireworksBackend(configuration: configuration))
        case .local:
            do {
                let engine = try LocalEngineBackend(environment: setup.environment)
                try engine.waitForWeights()
                return CommandSession(model: selection.model, backend: engine)
            } catch {
                throw CommandFailure.failed(LocalEngineBackend.cannotStart(error))
            }
        }
    }

    /// `changing`: the command adds or changes entries, so a read-only history stops it before anything is
    /// done (or paid for); a command that only reads a read-only history says so once on stderr.
    static func history(_ setup: SparklerSetup, changing: Bool) throws -> HistoryStore {
        let history: HistoryStore
        do {
            history = try setup.openHistory()
        } catch {
            throw CommandFailure.failed("The history in \(setup.historyDirectory.path) cannot be opened: \(error)")
        }
        guard history.isReadOnly else { return history }
        guard !changing else {
            throw CommandFailure.failed(
                "The history in \(history.directory.path) is read-only (its folder or history.sqlite cannot be written), so this command cannot "
                    + "record anything in it; make it writable, or set `directory` under [history] in \(setup.paths.configFile.path).")
        }
        Stderr.write("The history in \(history.directory.path) is read-only: it can be listed and shown, not changed.")
        return history
    }
}

struct CommandSession {
    var model: ModelCapabilities
    var backend: any ImageBackend

    /// Lists on stderr the prompt words the model will not see (the offline engine knows few).
    func reportUnusableWords(in prompt: String) {
        if let words = backend.coverage(of: prompt, model: model).summary(model: model.id.name) {
            Stderr.write("Prompt words " + words + ".")
        }
    }
}

enum Stderr {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Tells the user on stderr why they are waiting: retries after rate limits or server trouble, and where a
/// FLUX Kontext request stands (one line each time its status or its progress in tenths changes).
final class ProgressReporter: Sendable {
    private let lastLine = Mutex<String?>(nil)
    /// How many retries the configuration allows, to say "retry 1 of 3".
    private let maxRetries: Int

    init(maxRetries: Int) {
        self.maxRetries = maxRetries
    }

    @Sendable func report(_ progress: GenerationProgress) {
        switch progress {
        case .retrying(let attempt, let delay, let reason):
            // `attempt` is the attempt about to start: the first retry is the second attempt.
            Stderr.write("\(reason); retrying in \(String(format: "%.1f", delay.inSeconds)) s (retry \(attempt - 1) of \(maxRetries)).")
        case .step:
            break
        case .waiting(let requestID, let status, let fraction):
            let line = "Request \(requestID): \(status)" + (fraction.map { " \(Int(($0 * 10).rounded(.down)) * 10)%" } ?? "")
            let isNew = lastLine.withLock { last in
                defer { last = line }
                return last != line
            }
            if isNew { Stderr.write(line) }
        }
    }
}
