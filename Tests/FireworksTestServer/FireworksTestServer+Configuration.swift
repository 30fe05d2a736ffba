import SparklerCore

extension FireworksTestServer {
    /// A backend configuration that points here, with millisecond retry delays and Kontext polls so tests
    /// stay fast.
    public func configuration(
        apiKey: String? = nil, requestTimeout: Duration = .seconds(30), maxRetries: Int = 3,
        workflowTimeout: Duration = .seconds(30)
    ) -> FireworksConfiguration {
        FireworksConfiguration(
            apiKey: apiKey ?? self.apiKey,
            baseURL: baseURL,
            connectTimeout: .seconds(5),
            requestTimeout: requestTimeout,
            retryPolicy: RetryPolicy(
                maxRetries: maxRetries, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20), maxRetryAfter: .seconds(5)
            ),
            workflowTimeout: workflowTimeout,
            workflowPolling: WorkflowPolling(first: .milliseconds(5), longest: .milliseconds(20))
        )
    }
}
