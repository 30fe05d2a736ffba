import SparklerCore
import SparklerGraphics
import Testing
@testable import SparklerTUI

@Suite struct ThemeParserTests {
    /// `prefix`, then every element except `omitted` as an empty table: a theme whose lines `prefix` controls.
    static func theme(_ prefix: String, without omitted: [ThemeElement] = []) -> String {
        let tables = ThemeElement.allCases.filter { !omitted.contains($0) }.map { "[\($0.rawValue)]\n" }
        return prefix + "\n" + tables.joined()
    }

    static func parse(_ source: String) throws(ConfigError) -> Theme {
        try ThemeParser(source: source, file: "/home/u/.config/sparkler/themes/mine.toml").parse()
    }

    @Test func readsColoursAndAttributes() throws {
        let theme = try Self.parse(Self.theme("""
            name = "Mine"
            [text]
            fg = "#FF8000"
            bg = 17
            bold = true
            underline = false
            [label]
            fg = "123"
            bg = "default"
            reverse = true
            """, without: [.text, .label]))
        #expect(theme.name == "Mine")
        #expect(theme.text == Style(foreground: .rgb(255, 128, 0), background: .indexed(17), bold: true))
        #expect(theme.label == Style(foreground: .indexed(123), reverse: true))
        #expect(theme.border == .plain)
    }

    @Test func theNameDefaultsToTheFileName() throws {
        #expect(try Self.parse(Self.theme("")).name == "mine")
    }

    // Each prefix defines [text], or breaks before the missing [text] would be noticed.
    @Test(arguments: [
        ("[text\nfg = \"1\"", 1, "not valid TOML"),
        ("description = \"x\"\n\n[txet]\nfg = \"1\"", 3, "unknown element `txet`"),
        ("[text]\nfg = \"#12345g\"", 2, ##"fg = "#12345g" is not a colour"##),
        ("[text]\nfg = \"1\"\nbg = 256", 3, "bg = 256 is not a colour"),
        ("[text]\nbg = \"#fff\"", 2, "is not a colour"),
        ("[text]\nfg = \"1\"\n\nbold = \"yes\"", 4, "bold must be true or false"),
        ("[text]\nblink = true", 2, "unknown key `blink` in [text]"),
        ("text = \"red\"", 1, "`text` must be a table"),
        ("name = 3", 1, "name must be a string"),
    ])
    func reportsFileAndLine(prefix: String, line: Int, message: String) {
        let error = #expect(throws: ConfigError.self) {
            try Self.parse(Self.theme(prefix, without: [.text]))
        }
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("/home/u/.config/sparkler/themes/mine.toml:\(line): ") == true)
    }

    @Test func namesEveryMissingElementAtTheTop() {
        let error = #expect(throws: ConfigError.self) {
            try Self.parse(Self.theme("# mine", without: [.spinner, .listTime]))
        }
        #expect(error?.line == 1)
        #expect(error?.message.hasSuffix("missing: list_time, spinner") == true, "\(String(describing: error))")
    }
}
