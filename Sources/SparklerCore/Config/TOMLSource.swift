import TOMLKit

extension TOMLTable {
    /// Parses a TOML file's text; a syntax error names the file and, where TOMLKit knows it, the line.
    public static func parse(_ source: String, file: String) throws(ConfigError) -> TOMLTable {
        do {
            return try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(file: file, line: nil, message: "not valid TOML: \(error)")
        }
    }
}
