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
    /// How long a FLUX Kontext request may take as a whole: submitting, waiting for it, fetching the picture.
    public var workflowTimeout: Duration
    /// How often a Kontext request's outcome is asked for.
    public var workflowPolling: WorkflowPolling

    public init(
        apiKey: String,
        baseURL: String = FireworksConfiguration.defaultBaseURL,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(120),
        retryPolicy: RetryPolicy = RetryPolicy(),
        workflowTimeout: Duration = .seconds(120),
        workflowPolling: WorkflowPolling = WorkflowPolling()
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.workflowTimeout = workflowTimeout
        self.workflowPolling = workflowPolling
    }
}

/// The pause before each poll of a Kontext request: `first`, then a quarter longer each time, up to `longest`
/// (0.5 s growing to 1 s, as Fireworks' own clients poll).
public struct WorkflowPolling: Sendable, Equatable {
    public var first: Duration
    public var longest: Duration

    public init(first: Duration = .milliseconds(500), longest: Duration = .seconds(1)) {
        self.first = first
        self.longest = longest
    }

    /// The pause before poll `number` (1 for the first).
    public func pause(before number: Int) -> Duration {
        var pause = first
        for _ in 1..<max(number, 1) where pause < longest { pause = pause * 1.25 }
        return min(pause, longest)
    }
}

extension FireworksConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "FireworksConfiguration(baseURL: \(baseURL), apiKey: \(apiKey.isEmpty ? "none" : "set"), "
            + "connectTimeout: \(connectTimeout), requestTimeout: \(requestTimeout), retryPolicy: \(retryPolicy), "
            + "workflowTimeout: \(workflowTimeout))"
    }

    public var debugDescription: String { description }
}
