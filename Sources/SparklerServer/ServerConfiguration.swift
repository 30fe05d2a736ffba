import SparklerCore

/// How `sparkler serve` listens and what it allows.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks for any free port; the one bound is reported once the server listens.
    public var port: Int
    /// Every request must send `Authorization: Bearer <key>`; nil serves without authentication, on loopback only.
    public var key: String?
    /// How many requests may wait while the engine is busy; one more gets 429.
    public var queueCapacity: Int
    public var maxBodyBytes: Int
    /// How long a request body may take to arrive, and how long in-flight work gets at shutdown.
    public var timeout: Duration
    /// How long a FLUX Kontext picture stays at its URL once ready (Black Forest Labs: 10 minutes).
    public var sampleLifetime: Duration
    /// The most connections held at once, in all and from one peer address; more are closed at once.
    public var maxConnections: Int
    public var maxConnectionsPerPeer: Int
    /// How long a connection may take to send a request's head, from its opening or its last answer.
    public var headerTimeout: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8000, key: String? = nil, queueCapacity: Int = 8,
        maxBodyBytes: Int = 20 * ServerConfiguration.megabyte, timeout: Duration = .seconds(30),
        sampleLifetime: Duration = .seconds(600), maxConnections: Int = 256, maxConnectionsPerPeer: Int = 32,
        headerTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.key = key
        self.queueCapacity = queueCapacity
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.sampleLifetime = sampleLifetime
        self.maxConnections = maxConnections
        self.maxConnectionsPerPeer = maxConnectionsPerPeer
        self.headerTimeout = headerTimeout
    }

    public static let megabyte = 1024 * 1024

    /// `http://127.0.0.1:8000/inference/v1`, where Fireworks clients point their base URL.
    public func baseURL(port: Int) -> String {
        let authority = host.contains(":") ? "[\(host)]" : host
        return "http://\(authority):\(port)/inference/v1"
    }

    /// The 503's message for a request whose picture was stopped at shutdown, its grace (`timeout`) over.
    var stoppedAtShutdownMessage: String {
        "sparkler serve shut down before the picture was finished (it gives the running picture \(Int(timeout.inSeconds)) s); send the request again once it is back."
    }

    /// "20 MB", for the 413 message.
    var bodyLimitText: String {
        maxBodyBytes % Self.megabyte == 0 ? "\(maxBodyBytes / Self.megabyte) MB" : "\(maxBodyBytes) bytes"
    }
}
