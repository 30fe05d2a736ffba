/// How often and how patiently a failed request is tried again.
public struct RetryPolicy: Sendable, Equatable {
    /// The statuses worth another attempt: timeouts, rate limits and server trouble.
    public static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Attempts after the first; 0 disables retrying.
    public var maxRetries: Int
    /// The backoff before the first retry; it doubles for each further retry.
    public var baseDelay: Duration
    /// The longest backoff Sparkler picks itself.
    public var maxDelay: Duration
    /// The longest `Retry-After` Sparkler waits for; a server asking for more fails the request
    /// with a message that says when to try again.
    public var maxRetryAfter: Duration

    public init(
        maxRetries: Int = 3,
        baseDelay: Duration = .seconds(1),
        maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Exponential backoff with "equal jitter": half the exponential delay is fixed, the other half
    /// scaled by `jitter` (0..<1), so clients that failed together do not retry together.
    ///
    /// - Parameter retry: 1 for the first retry.
    public func backoff(beforeRetry retry: Int, jitter: Double) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let exponential = min(baseDelay * (1 << doublings), maxDelay)
        let spread = min(max(jitter, 0), 1)
        return exponential / 2 + (exponential / 2) * spread
    }
}
