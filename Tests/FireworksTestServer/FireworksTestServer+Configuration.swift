import SparklerCore

extension FireworksTestServer {
    /// A backend configuration that points here, with millisecond retry delays so tests stay fast.
    public func configuration(
        apiKey: String? = nil, requestTimeout: Duration = .seconds(30), maxRetries: Int = 3
    ) -> FireworksConfiguration {
        FireworksConfiguration(
            apiKey: apiKey ?? self.apiKey,
            baseURL: baseURL,
            connectTimeout: .seconds(5),
            requestTimeout: requestTimeout,
            retryPolicy: RetryPolicy(
                maxRetries: maxRetries, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20), maxRetryAfter: .seconds(5)
            )
        )
    }
}
