import Foundation
import SparklerCore
import SparklerGraphics

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
    private let backend: PlaygroundBackend
    private let options: Options

    public init(setup: SparklerSetup, backend: PlaygroundBackend, options: Options) {
        self.setup = setup
        self.backend = backend
        self.options = options
    }

    /// Runs until the user quits. ncurses lives on a thread of its own, so the Swift concurrency
    /// pool stays free for requests and history work.
    public func run() async throws {
        let history = try setup.openHistory()
        let themeChoice = ThemeCatalogue.load(
            named: options.theme ?? setup.config.theme, userDirectory: setup.paths.themesDirectory,
            environment: setup.environment
        )
        let inbox = EventInbox()
        let formStore = FormStore(directory: setup.paths.stateDirectory)
        let runner = EffectRunner(
            history: history,
            service: backend.backend.map { GenerationService(backend: $0, history: history, prices: setup.prices) },
            formStore: formStore, inbox: inbox, maxInFlight: setup.config.compare.maxInFlight ?? ComparisonRunner.defaultMaxInFlight
        )
        let loop = PlaygroundLoop(
            setup: setup, options: options, history: history, theme: themeChoice,
            backend: backend, form: formStore.load() ?? FormState(), runner: runner, inbox: inbox
        )
        // The first frame does not wait for it; a backend that turns out unable to draw is reported when known.
        let lateStart = backend.lateStart.map { late in
            Task {
                if let problem = await late.problem() { inbox.send(.backendFailed(late.provider, problem)) }
            }
        }
        defer { lateStart?.cancel() }
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

/// What makes the playground's pictures: the backend (nil with the reason none can), the models it
/// can run, a note for the status line when it starts (e.g. why the offline engine is in use), and a
/// backend whose readiness is known only after the first frame.
public struct PlaygroundBackend: Sendable {
    public let backend: (any ImageBackend)?
    public let availability: BackendAvailability
    public let catalogue: ModelCatalogue
    public let notice: String?
    public let lateStart: LateStart?

    public init(backend: any ImageBackend, catalogue: ModelCatalogue, notice: String? = nil, lateStart: LateStart? = nil) {
        self.backend = backend
        availability = .available(backend.name)
        self.catalogue = catalogue
        self.notice = notice
        self.lateStart = lateStart
    }

    public init(unavailable reason: String, catalogue: ModelCatalogue) {
        backend = nil
        availability = .unavailable(reason)
        self.catalogue = catalogue
        notice = nil
        lateStart = nil
    }
}

/// The offline engine loads its weights while the first frame is drawn: `problem` returns, once they have
/// loaded, why the provider's models cannot draw (nil: they can).
public struct LateStart: Sendable {
    public let provider: ModelProvider
    public let problem: @Sendable () async -> String?

    public init(provider: ModelProvider, problem: @escaping @Sendable () async -> String?) {
        self.provider = provider
        self.problem = problem
    }
}
