/// Where and how `FireworksBackend` talks to Fireworks.
public struct FireworksConfiguration: Sendable {
    public static let defaultBaseURL = "https://api.fireworks.ai/inference/v1"

    /// The API root, `https://api.fireworks.ai/inference/v1` unless FIREWORKS_API_BASE says otherwise.
    public var baseURL: String
    /// Sent only as `Authorization: Bearer`; never printed (this type's descriptions hide it).
    public var apiKey: String
    /// How long establishing a connection may take.
    public var connectTimeout: Duration
    /// How long one attempt may take, from sending the request to the answer's last byte.
    public var requestTimeout: Duration
    public var retryPolicy: RetryPolicy

    public init(
        apiKey: String,
        baseURL: String = FireworksConfiguration.defaultBaseURL,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(120),
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
    }
}

extension FireworksConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "FireworksConfiguration(baseURL: \(baseURL), apiKey: \(apiKey.isEmpty ? "none" : "set"), "
            + "connectTimeout: \(connectTimeout), requestTimeout: \(requestTimeout), retryPolicy: \(retryPolicy))"
    }

    public var debugDescription: String { description }
}
