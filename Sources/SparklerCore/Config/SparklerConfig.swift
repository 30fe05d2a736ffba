import Foundation

/// The user's settings from config.toml; every key is optional.
public struct SparklerConfig: Sendable, Equatable {
    /// The model used when `--model` is not given.
    public var model: String?
    /// Where pictures are made: `auto` (Fireworks with a key, else the offline engine), `local` or `fireworks`.
    public var backend: BackendKind?
    public var fireworks = FireworksSettings()
    /// Overrides where history and images live (default: the XDG data directory).
    public var historyDirectory: String?
    /// The playground's colour theme: a built-in name or a file in the config's themes/ folder.
    public var theme: String?
    public var terminal = TerminalSettings()
    public var compare = CompareSettings()
    /// Models added to, or replacing, the built-in catalogue.
    public var models: [ModelCapabilities] = []
    /// Prices that replace or add to the built-in ones, by model name or id (`[prices]`).
    public var prices: [String: PriceTable.Rate] = [:]

    public init() {}

    public struct FireworksSettings: Sendable, Equatable {
        public var baseURL: String?
        /// A shell command whose output is the API key (a password manager).
        public var keyCommand: String?
        /// How long the key command may run before it is stopped (default `defaultKeyCommandTimeoutSeconds`).
        public var keyCommandTimeoutSeconds: Double?
        /// A file holding the API key; it must be readable by its owner only.
        public var keyFile: String?
        public var timeoutSeconds: Double?
        public var connectTimeoutSeconds: Double?
        public var maxRetries: Int?

        public static let defaultKeyCommandTimeoutSeconds: Double = 10

        public init() {}
    }

    /// How pictures are drawn in the terminal; each is `auto` (detected) when absent.
    public struct TerminalSettings: Sendable, Equatable {
        /// `auto`, `symbols`, `sixel` or `kitty`.
        public var graphics: String?
        /// `auto`, `none`, `16`, `256` or `truecolor`.
        public var colors: String?
        /// chafa symbol set for the symbols mode, e.g. `block`, `half`, `braille`, `ascii`.
        public var symbols: String?
        /// Inside tmux, send sixel/kitty through tmux's passthrough (needs `set -g allow-passthrough on`).
        public var tmuxPassthrough: Bool?

        public init() {}
    }

    /// Comparisons (`sparkler compare` and the playground's compare view); each is the default when absent.
    public struct CompareSettings: Sendable, Equatable {
        /// How many of a comparison's requests run at once (default `ComparisonRunner.defaultMaxInFlight`).
        public var maxInFlight: Int?
        /// Comparisons billing more steps than this ask for confirmation first (default 300).
        public var confirmAboveSteps: Int?

        public static let defaultConfirmAboveSteps = 300

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
