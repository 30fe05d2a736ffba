import Foundation

/// Where Sparkler keeps its files, following the XDG base directory spec.
public struct SparklerPaths: Sendable, Equatable {
    public var configDirectory: URL
    public var dataDirectory: URL
    /// What Sparkler remembers between sessions that is not history (the playground's last form).
    public var stateDirectory: URL

    public init(configDirectory: URL, dataDirectory: URL, stateDirectory: URL) {
        self.configDirectory = configDirectory
        self.dataDirectory = dataDirectory
        self.stateDirectory = stateDirectory
    }

    /// `$XDG_CONFIG_HOME/sparkler` (else `~/.config/sparkler`), `$XDG_DATA_HOME/sparkler` (else
    /// `~/.local/share/sparkler`) and `$XDG_STATE_HOME/sparkler` (else `~/.local/state/sparkler`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        func base(_ variable: String, fallback: String) -> URL {
            // The spec says relative values are invalid and must be ignored.
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value)
            }
            return home.appendingPathComponent(fallback)
        }
        self.init(
            configDirectory: base("XDG_CONFIG_HOME", fallback: ".config").appendingPathComponent("sparkler"),
            dataDirectory: base("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("sparkler"),
            stateDirectory: base("XDG_STATE_HOME", fallback: ".local/state").appendingPathComponent("sparkler")
        )
    }

    public var configFile: URL { configDirectory.appendingPathComponent("config.toml") }
    public var themesDirectory: URL { configDirectory.appendingPathComponent("themes") }
    public var historyDirectory: URL { dataDirectory }
}
