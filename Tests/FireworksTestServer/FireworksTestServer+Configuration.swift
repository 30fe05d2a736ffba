import SparklerCore

extension FireworksTestServer {
    /// A backend configuration that points here, with millisecond retry delays and Kontext polls so tests
    /// stay fast.
    public func configuration(
        apiKey: String? = nil, requestTimeout: Duration = .seconds(120), maxRetries: Int = 3,
        workflowTimeout: Duration = .seconds(30)
    ) -> FireworksConfiguration {
        FireworksConfiguration(
            apiKey: apiKey ?? self.apiKey,
            baseURL: baseURL,
            // Generous: a local connection that takes long is the test machine's load, not the behaviour under
            // test, and a timed-out connect is retried, which changes the attempt counts tests check.
            connectTimeout: .seconds(60),
            requestTimeout: requestTimeout,
            retryPolicy: RetryPolicy(
                maxRetries: maxRetries, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20), maxRetryAfter: .seconds(5)
            ),
            workflowTimeout: workflowTimeout,
            workflowPolling: WorkflowPolling(first: .milliseconds(5), longest: .milliseconds(20))
        )
    }
}
