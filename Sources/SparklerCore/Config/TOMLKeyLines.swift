import Foundation

/// Remembers on which line each key of a TOML document is defined, so that errors found after
/// parsing (a wrong type, an unknown key, a value out of range) can still name the line.
///
/// Paths are dotted: `fireworks.timeout`, `models.1.sizes` (array-of-tables entries are numbered from 0).
public struct TOMLKeyLines: Sendable {
    private var lines: [String: Int] = [:]

    public init(source: String) {
        var tablePath = ""
        var arrayCounts: [String: Int] = [:]
        for (index, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") , let end = line.range(of: "]]") {
                let name = Self.unquote(String(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]))
                let entry = arrayCounts[name, default: 0]
                arrayCounts[name] = entry + 1
                tablePath = "\(name).\(entry)"
                lines[tablePath] = lineNumber
            } else if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                tablePath = Self.unquote(String(line[line.index(after: line.startIndex)..<end]))
                lines[tablePath] = lineNumber
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.unquote(String(line[..<equals]))
                lines[tablePath.isEmpty ? key : "\(tablePath).\(key)"] = lineNumber
            }
        }
    }

    /// The line of `path`, or of its closest enclosing table.
    public func line(of path: String) -> Int? {
        var candidate = path
        while true {
            if let line = lines[candidate] { return line }
            guard let dot = candidate.lastIndex(of: ".") else { return nil }
            candidate = String(candidate[..<dot])
        }
    }

    private static func unquote(_ key: String) -> String {
        key.trimmingCharacters(in: .whitespaces)
            .split(separator: ".")
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            .joined(separator: ".")
    }
}
