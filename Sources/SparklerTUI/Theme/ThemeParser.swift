import Foundation
import SparklerCore
import SparklerGraphics
import TOMLKit

/// Turns a theme file into a `Theme`, reporting the first mistake with its file and line.
///
/// A theme has top-level `name` and `description` strings (both optional) and one table per
/// `ThemeElement`, each with `fg` and `bg` colours (default: the terminal's own) and the optional
/// attributes `bold`, `dim`, `italic`, `underline` and `reverse`.
public struct ThemeParser {
    private static let styleKeys = ["bg", "bold", "dim", "fg", "italic", "reverse", "underline"]

    private let source: String
    private let file: String
    private let keyLines: TOMLKeyLines

    /// `file` names the source in error messages; its base name is the theme's name unless the file gives one.
    public init(source: String, file: String) {
        self.source = source
        self.file = file
        self.keyLines = TOMLKeyLines(source: source)
    }

    public func parse() throws(ConfigError) -> Theme {
        let root = try TOMLTable.parse(source, file: file)

        let fileName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = try string(root, "name") ?? fileName
        let description = try string(root, "description") ?? ""
        var styles: [ThemeElement: Style] = [:]
        for key in inFileOrder(root.keys, in: "") where key != "name" && key != "description" {
            guard let element = ThemeElement(rawValue: key) else {
                throw error(at: key, "unknown element `\(key)`; see the Themes section of the README for the list")
            }
            guard let table = root[key]?.table else {
                throw error(at: key, "`\(key)` must be a table: write [\(key)] on its own line, then fg = ..., bg = ...")
            }
            styles[element] = try style(table, element: key)
        }

        let missing = ThemeElement.allCases.filter { styles[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            throw ConfigError(file: file, line: 1, message: "a theme must style every element; missing: \(names)")
        }
        return Theme(name: name, description: description) { styles[$0] ?? .plain }
    }

    private func style(_ table: TOMLTable, element: String) throws(ConfigError) -> Style {
        var style = Style()
        for key in inFileOrder(table.keys, in: element) {
            let path = "\(element).\(key)"
            switch (key, Self.attribute(named: key)) {
            case ("fg", _):
                style.foreground = try color(table[key], key, path: path)
            case ("bg", _):
                style.background = try color(table[key], key, path: path)
            case (_, let attribute?):
                guard let flag = table[key]?.bool else { throw error(at: path, "\(key) must be true or false") }
                style[keyPath: attribute] = flag
            default:
                let known = Self.styleKeys.joined(separator: ", ")
                throw error(at: path, "unknown key `\(key)` in [\(element)]; known keys: \(known)")
            }
        }
        return style
    }

    private static func attribute(named key: String) -> WritableKeyPath<Style, Bool>? {
        switch key {
        case "bold": \.bold
        case "dim": \.dim
        case "italic": \.italic
        case "underline": \.underline
        case "reverse": \.reverse
        default: nil
        }
    }

    private func color(_ value: TOMLValueConvertible?, _ key: String, path: String) throws(ConfigError) -> Color {
        guard let value else { return .default }
        if let index = value.int, let palette = UInt8(exactly: index) { return .indexed(palette) }
        if let text = value.string, let color = Color(themeValue: text) { return color }
        let written = value.string.map { "\"\($0)\"" } ?? "\(value)"
        throw error(at: path, "\(key) = \(written) is not a colour; write \(Color.themeSyntax)")
    }

    private func string(_ table: TOMLTable, _ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(at: key, "\(key) must be a string in quotes") }
        return string
    }

    /// TOMLKit lists keys alphabetically; going in file order reports the first mistake first.
    private func inFileOrder(_ keys: [String], in table: String) -> [String] {
        func line(_ key: String) -> Int { keyLines.line(of: table.isEmpty ? key : "\(table).\(key)") ?? Int.max }
        return keys.sorted { line($0) < line($1) }
    }

    private func error(at path: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: keyLines.line(of: path), message: message)
    }
}
