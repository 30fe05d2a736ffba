import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SparklerCore
import UnixSignals

/// `sparkler serve`: the Fireworks image API in front of the offline engine, one picture at a time,
/// every picture recorded in history as backend `served`.
public struct ImageServer: Sendable {
    public let configuration: ServerConfiguration
    public let models: ServedModels
    public let engine: any ImageBackend
    public let history: HistoryStore
    public let logger: Logger
    let queue: GenerationQueue
    /// How long a stopped generation has to notice and its 503 to be written.
    static let windDown: Duration = .seconds(10)

    public init(
        configuration: ServerConfiguration, models: ServedModels, engine: any ImageBackend, history: HistoryStore, logger: Logger
    ) {
        self.configuration = configuration
        self.models = models
        self.engine = engine
        self.history = history
        self.logger = logger
        queue = GenerationQueue(capacity: configuration.queueCapacity)
    }

    /// Serves until the task is cancelled or, with `shutdownSignals`, until SIGTERM or SIGINT: then it
    /// stops accepting, refuses what still waits (503) and lets the running generation finish, for at
    /// most the configured timeout. `onListening` gets the base URL, with the port actually bound.
    public func run(
        shutdownSignals: Bool, stop: ServerStop? = nil, onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        let routes = FireworksRoutes(
            configuration: configuration, models: models, engine: engine, history: history, queue: queue,
            kontextTasks: KontextTaskStore(sampleLifetime: configuration.sampleLifetime), logger: logger
        )
        let limiter = ConnectionLimiter(maxTotal: configuration.maxConnections, maxPerPeer: configuration.maxConnectionsPerPeer)
        let headerTimeout = TimeAmount(configuration.headerTimeout)
        let application = Application(
            router: routes.router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ConnectionGuard(limiter: limiter, headerTimeout: headerTimeout)],
                // Idle connections close some seconds after a slow body's 408 is due, so that it is written first.
                idleTimeout: TimeAmount(configuration.timeout + .seconds(10))
            )),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                onListening(configuration.baseURL(port: channel.localAddress?.port ?? configuration.port))
            },
            logger: logger
        )
        // Shut down in reverse order: the line closes before the server stops.
        var group = ServiceGroupConfiguration(
            services: [application, QueueShutdown(queue: queue, grace: configuration.timeout, logger: logger)],
            gracefulShutdownSignals: shutdownSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
        // Past the grace the running request is stopped and answered 503; the group cancels the server (closing
        // whatever is left) only once that answer has had time to go.
        group.maximumGracefulShutdownDuration = configuration.timeout + Self.windDown
        do {
            let serviceGroup = ServiceGroup(configuration: group)
            stop?.attach(serviceGroup)
            try await serviceGroup.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES || error.errnoCode == EADDRNOTAVAIL {
            throw ListenFailure(host: configuration.host, port: configuration.port, code: error.errnoCode)
        }
    }
}
