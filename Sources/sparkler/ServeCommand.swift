import ArgumentParser
import Foundation
import Logging
import SparklerCore
import SparklerEngine
import SparklerServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Fireworks image API from the offline engine; every picture is kept in history.",
        discussion: """
            Point any Fireworks client at the printed base URL: text to image, image to image and FLUX workflow \
            requests for sparkler-tiny and, as stand-ins drawn by the same engine, every catalogue model. \
            SIGTERM or SIGINT stops it after the running picture.
            """
    )

    @Option(help: "The address to listen on. Without a key only loopback: 127.0.0.1, ::1 or localhost.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the printed URL says which).")
    var port = 8000

    @Option(help: "The key clients must send as Authorization: Bearer KEY. Prefer SPARKLER_SERVE_KEY: ps shows --key to every user.")
    var key: String?

    @Option(help: "How many requests may wait while the engine draws; more get 429 with Retry-After.")
    var queue = 8

    @Option(name: .customLong("max-body-mb"), help: "The largest request body accepted, in MB; larger gets 413.")
    var maxBodyMB = 20

    @Option(name: .customLong("timeout-seconds"), help: "How long a request body may take to arrive (then 408), and how long the running picture gets at shutdown (then 503).")
    var timeoutSeconds = 30

    @Option(name: .customLong("max-connections"), help: "The most connections held at once; more are closed as soon as they open.")
    var maxConnections = ServerConfiguration().maxConnections

    @Option(name: .customLong("max-connections-per-client"), help: "The most connections held at once from one client address.")
    var maxConnectionsPerClient = ServerConfiguration().maxConnectionsPerPeer

    @Option(name: .customLong("header-timeout-seconds"), help: "How long a connection has to send a request's head, from its opening or its last answer.")
    var headerTimeoutSeconds = Int(ServerConfiguration().headerTimeout.components.seconds)

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535, not \(port).") }
        guard queue >= 0 else { throw ValidationError("--queue takes 0 or more, not \(queue).") }
        guard maxBodyMB >= 1 else { throw ValidationError("--max-body-mb takes 1 or more, not \(maxBodyMB).") }
        guard timeoutSeconds >= 1 else { throw ValidationError("--timeout-seconds takes 1 or more, not \(timeoutSeconds).") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections takes 1 or more, not \(maxConnections).") }
        guard maxConnectionsPerClient >= 1 else {
            throw ValidationError("--max-connections-per-client takes 1 or more, not \(maxConnectionsPerClient).")
        }
        guard headerTimeoutSeconds >= 1 else { throw ValidationError("--header-timeout-seconds takes 1 or more, not \(headerTimeoutSeconds).") }
    }

    func run() async throws {
        let setup = try CommandSetup.load()
        if self.key != nil {
            Stderr.write("sparkler serve: a key given with --key can be read by every user of this machine (ps shows it); export SPARKLER_SERVE_KEY instead.")
        }
        let key = [self.key, setup.environment["SPARKLER_SERVE_KEY"]].compactMap { $0 }.first { !$0.isEmpty }
        let listenHost: ListenHost
        do {
            listenHost = try ListenHost.resolve(host)
        } catch {
            throw CommandFailure.usage("\(error); give a name this machine can resolve, or an address.")
        }
        if key == nil {
            guard listenHost.isLoopback else {
                throw CommandFailure.usage("""
                    Without a key sparkler serve listens on loopback only (127.0.0.1, ::1, localhost), and \(host) \
                    resolves to \(listenHost.addresses.joined(separator: ", ")). Set --key or SPARKLER_SERVE_KEY to serve other hosts.
                    """)
            }
            Stderr.write("sparkler serve: no key (--key or SPARKLER_SERVE_KEY), so no authentication: serving on loopback only.")
        }
        // The address checked, not the name: resolved again it might lead elsewhere.
        let configuration = ServerConfiguration(
            host: key == nil ? listenHost.bindAddress : host, port: port, key: key, queueCapacity: queue,
            maxBodyBytes: maxBodyMB * ServerConfiguration.megabyte, timeout: .seconds(timeoutSeconds),
            maxConnections: maxConnections, maxConnectionsPerPeer: maxConnectionsPerClient, headerTimeout: .seconds(headerTimeoutSeconds)
        )
        let engine: LocalEngineBackend
        do {
            engine = try LocalEngineBackend(environment: setup.environment)
            try engine.waitForWeights()
        } catch {
            throw CommandFailure.failed(LocalEngineBackend.cannotStart(error))
        }
        var logger = Logger(label: "sparkler.serve")
        // Request lines are what a server's log is for; SPARKLER_LOG still sets the level when given.
        if setup.environment["SPARKLER_LOG"] == nil { logger.logLevel = .info }
        let server = ImageServer(
            configuration: configuration, models: ServedModels(setup.catalogue.models), engine: engine,
            history: try CommandSetup.history(setup, changing: true), logger: logger
        )
        do {
            try await server.run(shutdownSignals: true) { url in
                FileHandle.standardOutput.write(Data("sparkler serve: listening on \(url)\n".utf8))
            }
        } catch let failure as ListenFailure {
            throw CommandFailure.failed(failure.description)
        } catch {
            throw CommandFailure.failed("sparkler serve stopped: \(error)")
        }
        await engine.shutdown()
    }
}
