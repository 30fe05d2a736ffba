import Foundation

/// The user's settings from config.toml; every key is optional.
public struct SparklerConfig: Sendable, Equatable {
    /// The model used when `--model` is not given.
    public var model: String?
    public var fireworks = FireworksSettings()
    /// Overrides where history and images live (default: the XDG data directory).
    public var historyDirectory: String?
    /// Models added to, or replacing, the built-in catalogue.
    public var models: [ModelCapabilities] = []

    public init() {}

    public struct FireworksSettings: Sendable, Equatable {
        public var baseURL: String?
        /// A shell command whose output is the API key (a password manager).
        public var keyCommand: String?
        /// A file holding the API key; it must be readable by its owner only.
        public var keyFile: String?
        public var timeoutSeconds: Double?
        public var connectTimeoutSeconds: Double?
        public var maxRetries: Int?

        public init() {}
    }

    /// Reads config.toml; a missing file is an empty configuration.
    public static func load(from file: URL) throws(ConfigError) -> SparklerConfig {
        guard FileManager.default.fileExists(atPath: file.path) else { return SparklerConfig() }
        let source: String
        do {
            source = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigError(file: file.path, line: nil, message: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(source, file: file.path)
    }

    public static func parse(_ source: String, file: String) throws(ConfigError) -> SparklerConfig {
        try ConfigReader(source: source, file: file).read()
    }
}
