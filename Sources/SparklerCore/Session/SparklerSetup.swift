import Foundation

/// Everything a front end needs before it can make pictures: paths, configuration, the model
/// catalogue, the API key, the backend and the history. Loaded once per process.
public struct SparklerSetup: Sendable {
    public let environment: [String: String]
    public let paths: SparklerPaths
    public let config: SparklerConfig
    public let catalogue: ModelCatalogue

    /// Reads config.toml; throws `ConfigError` (file and line) when it is broken.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) {
        self.environment = environment
        paths = SparklerPaths(environment: environment)
        config = try SparklerConfig.load(from: paths.configFile)
        catalogue = ModelCatalogue(adding: config.models)
    }

    /// Fireworks' prices, with config.toml's `[prices]` over the built-in ones.
    public var prices: PriceTable { PriceTable(overrides: config.prices) }

    public var defaultModel: String { config.model ?? ModelCatalogue.defaultModelID }

    /// `FIREWORKS_API_BASE` first, then the config, then Fireworks itself.
    public var fireworksBaseURL: String {
        if let base = environment["FIREWORKS_API_BASE"], !base.isEmpty { return base }
        return config.fireworks.baseURL ?? FireworksConfiguration.defaultBaseURL
    }

    public func apiKey() throws(APIKeyError) -> APIKey? {
        try APIKeyResolver(environment: environment, settings: config.fireworks).resolve()
    }

    public func fireworksConfiguration(key: APIKey) -> FireworksConfiguration {
        var configuration = FireworksConfiguration(apiKey: key.value, baseURL: fireworksBaseURL)
        let settings = config.fireworks
        if let seconds = settings.timeoutSeconds { configuration.requestTimeout = .milliseconds(Int(seconds * 1000)) }
        if let seconds = settings.connectTimeoutSeconds { configuration.connectTimeout = .milliseconds(Int(seconds * 1000)) }
        if let retries = settings.maxRetries { configuration.retryPolicy.maxRetries = retries }
        return configuration
    }

    public var historyDirectory: URL {
        config.historyDirectory.map { URL(fileURLWithPath: $0) } ?? paths.historyDirectory
    }

    public func openHistory() throws -> HistoryStore {
        try HistoryStore(directory: historyDirectory, appVersion: SparklerVersion.current)
    }
}
