import Foundation
import SparklerCore

/// The terminal playground: builds the state from the user's setup, then runs the loop that reads
/// input, feeds `update`, carries out effects and paints `view`, until the user quits.
public struct Playground {
    public struct Options: Sendable {
        public var theme: String?
        /// Decides how pictures are drawn once the terminal's colour count is known.
        public var graphics: GraphicsDetector

        public init(theme: String? = nil, graphics: GraphicsDetector) {
            self.theme = theme
            self.graphics = graphics
        }
    }

    private let setup: SparklerSetup
    private let options: Options

    public init(setup: SparklerSetup, options: Options) {
        self.setup = setup
        self.options = options
    }

    /// Runs until the user quits. ncurses lives on a thread of its own, so the Swift concurrency
    /// pool stays free for requests and history work.
    public func run() async throws {
        let history = try setup.openHistory()
        let backend = PlaygroundBackend(setup: setup)
        let themeChoice = ThemeCatalogue.load(
            named: options.theme ?? setup.config.theme, userDirectory: setup.paths.themesDirectory,
            environment: setup.environment
        )
        let inbox = EventInbox()
        let formStore = FormStore(directory: setup.paths.stateDirectory)
        let runner = EffectRunner(
            history: history,
            service: backend.backend.map { GenerationService(backend: $0, history: history) },
            formStore: formStore, inbox: inbox, maxInFlight: setup.config.compare.maxInFlight ?? ComparisonRunner.defaultMaxInFlight
        )
        let loop = PlaygroundLoop(
            setup: setup, options: options, history: history, theme: themeChoice,
            availability: backend.availability, form: formStore.load() ?? FormState(), runner: runner, inbox: inbox
        )
        let outcome: Result<Void, any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { try loop.run() })
            }
            thread.name = "sparkler-ui"
            thread.start()
        }
        await backend.backend?.shutdown()
        try outcome.get()
    }
}

/// Which backend the playground uses, or why there is none.
struct PlaygroundBackend {
    let backend: FireworksBackend?
    let availability: BackendAvailability

    init(setup: SparklerSetup) {
        do {
            if let key = try setup.apiKey() {
                backend = FireworksBackend(configuration: setup.fireworksConfiguration(key: key))
                availability = .available("fireworks")
            } else {
                backend = nil
                availability = .unavailable(
                    "No Fireworks API key: quit (q), export FIREWORKS_API_KEY=fw_... and start again, or set key_command in config.toml."
                )
            }
        } catch {
            backend = nil
            availability = .unavailable(error.description)
        }
    }
}
