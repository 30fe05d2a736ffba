import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SparklerCore

/// A local HTTP/1.1 server that speaks the Fireworks image contract (FIREWORKS_API.md) on
/// 127.0.0.1, records every request, and misbehaves on request.
///
///     let server = try await FireworksTestServer.start(apiKey: "k")
///     server.enqueue(.status(429, retryAfter: "1"))
///     // point the client at server.baseURL ...
///     #expect(server.requests.count == 2)
///     await server.shutdown()
///
/// Behaviours queued with `enqueue` answer the next requests in order; after that every request
/// gets the default behaviour (`.answer()`, unless `setDefault` changed it).
public final class FireworksTestServer: Sendable {
    public let apiKey: String
    public let port: Int
    /// The path the API lives under, like Fireworks' `/inference/v1`.
    public let basePath: String
    private let core: ServerCore
    private let channel: any Channel

    /// The URL to configure as the client's base URL (FIREWORKS_API_BASE).
    public var baseURL: String { "http://127.0.0.1:\(port)\(basePath)" }

    /// Every request received so far, oldest first.
    public var requests: [RecordedRequest] { core.requests }

    public static func start(apiKey: String = "test-key", basePath: String = "/inference/v1") async throws -> FireworksTestServer {
        let core = ServerCore(responder: ContractResponder(apiKey: apiKey, basePath: basePath))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPConnectionHandler(core: core))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        return FireworksTestServer(apiKey: apiKey, port: port, basePath: basePath, core: core, channel: channel)
    }

    private init(apiKey: String, port: Int, basePath: String, core: ServerCore, channel: any Channel) {
        self.apiKey = apiKey
        self.port = port
        self.basePath = basePath
        self.core = core
        self.channel = channel
    }

    /// Answers the next requests with these behaviours, in order.
    public func enqueue(_ behaviours: Behaviour...) {
        core.enqueue(behaviours)
    }

    /// How requests are answered once the queue is empty.
    public func setDefault(_ behaviour: Behaviour) {
        core.setDefault(behaviour)
    }

    /// How FLUX Kontext tasks submitted from now on go (`KontextScript`).
    public func setKontextScript(_ script: KontextScript) {
        core.responder.kontext.setScript(script)
    }

    public func clearRequests() {
        core.clearRequests()
    }

    /// Waits until at least `count` requests have arrived; false if `timeout` passes first.
    public func waitForRequests(count: Int = 1, timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while core.requests.count < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Stops listening and closes every open connection, held ones included.
    public func shutdown() async {
        try? await channel.close()
        for connection in core.takeConnections() {
            try? await connection.close()
        }
    }
}
