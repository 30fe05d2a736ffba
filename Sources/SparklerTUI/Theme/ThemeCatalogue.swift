import Foundation
import SparklerCore

/// Finds themes by name: the user's `themes/NAME.toml` first, then the built-in of that name.
public enum ThemeCatalogue {
    public static let defaultName = "dark"
    /// Used when `NO_COLOR` is set: attributes only, no colours.
    public static let noColorName = "mono"

    /// The theme named `name` (from config.toml or `--theme`), or nil for the default.
    ///
    /// Never fails: an unknown name or a broken file gives the default theme and a warning.
    /// `NO_COLOR` (set and non-empty) picks the mono theme only when no theme is named: the
    /// NO_COLOR convention lets user-level configuration and command-line arguments override it.
    public static func load(named name: String?, userDirectory: URL, environment: [String: String]) -> ThemeChoice {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let fallback = builtIn(named: noColor ? noColorName : defaultName)
        guard let name else { return ThemeChoice(theme: fallback) }
        do {
            if let theme = try theme(named: name, userDirectory: userDirectory) {
                return ThemeChoice(theme: theme)
            }
            let available = availableThemes(userDirectory: userDirectory).joined(separator: ", ")
            return ThemeChoice(
                theme: fallback,
                warning: "no theme named \"\(name)\" (available: \(available)); using \(fallback.name)"
            )
        } catch {
            return ThemeChoice(theme: fallback, warning: "\(error); using the \(fallback.name) theme")
        }
    }

    /// Built-in and user theme names, sorted, each once.
    public static func availableThemes(userDirectory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userDirectory.path)) ?? []
        let userNames = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }
        return Set(BuiltInThemes.sources.keys).union(userNames).sorted()
    }

    /// The user's theme `name`, else the built-in one, else nil.
    public static func theme(named name: String, userDirectory: URL) throws(ConfigError) -> Theme? {
        let file = userDirectory.appendingPathComponent("\(name).toml")
        if FileManager.default.fileExists(atPath: file.path) {
            let source: String
            do {
                source = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ConfigError(file: file.path, line: nil, message: "cannot read the theme: \(error.localizedDescription)")
            }
            return try ThemeParser(source: source, file: file.path).parse()
        }
        return BuiltInThemes.sources[name] == nil ? nil : builtIn(named: name)
    }

    /// A theme compiled into the binary; the tests check that every one of them parses.
    private static func builtIn(named name: String) -> Theme {
        do {
            let source = BuiltInThemes.sources[name] ?? ""
            return try ThemeParser(source: source, file: "built-in themes/\(name).toml").parse()
        } catch {
            preconditionFailure("built-in theme is broken: \(error)")
        }
    }
}
