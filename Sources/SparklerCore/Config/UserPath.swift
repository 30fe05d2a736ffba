import Foundation

/// Paths as users type them in the playground: `~` and `~/…` mean $HOME (Foundation's own expansion
/// reads the password database, which is not where HOME points in a sandbox, a container or a test).
public enum UserPath {
    public static func expanded(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
