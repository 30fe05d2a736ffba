import Foundation
import Testing
@testable import SparklerTUI

@Suite struct ThemeCatalogueTests {
    /// A fresh user themes directory holding `files` (name -> text), removed after `body`.
    static func withUserThemes(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-themes-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try body(directory)
    }

    static let light = BuiltInThemes.sources["light"] ?? ""

    @Test func aUserThemeOverridesTheBuiltInOfTheSameName() throws {
        let mine = Self.light.replacingOccurrences(of: #"description = ""#, with: #"description = "my own dark: "#)
        try Self.withUserThemes(["dark.toml": mine]) { directory in
            let choice = ThemeCatalogue.load(named: "dark", userDirectory: directory, environment: [:])
            #expect(choice.warning == nil)
            #expect(choice.theme.description.hasPrefix("my own dark: "))
        }
    }

    @Test func userThemesAreListedWithTheBuiltIns() throws {
        try Self.withUserThemes(["solar.toml": Self.light, "notes.txt": ""]) { directory in
            #expect(ThemeCatalogue.availableThemes(userDirectory: directory) == ["dark", "high-contrast", "light", "mono", "solar"])
            #expect(ThemeCatalogue.load(named: "solar", userDirectory: directory, environment: [:]).warning == nil)
        }
    }

    @Test func anUnknownNameFallsBackToTheDefaultAndListsTheThemes() throws {
        try Self.withUserThemes([:]) { directory in
            let choice = ThemeCatalogue.load(named: "solarized", userDirectory: directory, environment: [:])
            #expect(choice.theme.name == "dark")
            #expect(choice.warning?.contains(#"no theme named "solarized""#) == true)
            #expect(choice.warning?.contains("dark, high-contrast, light, mono") == true)
        }
    }

    @Test func aBrokenUserThemeFallsBackWithItsFileAndLine() throws {
        let broken = Self.light.replacingOccurrences(of: "[label]\n", with: "[label]\nblink = true\n")
        let line = try #require(broken.components(separatedBy: "\n").firstIndex(of: "blink = true")) + 1
        try Self.withUserThemes(["light.toml": broken]) { directory in
            let choice = ThemeCatalogue.load(named: "light", userDirectory: directory, environment: [:])
            #expect(choice.theme.name == "dark")
            let file = directory.appendingPathComponent("light.toml").path
            #expect(choice.warning?.hasPrefix("\(file):\(line): unknown key `blink`") == true, "\(choice.warning ?? "")")
        }
    }

    @Test func theFallbackHonoursNoColor() throws {
        try Self.withUserThemes(["broken.toml": "[text"]) { directory in
            let choice = ThemeCatalogue.load(named: "broken", userDirectory: directory, environment: ["NO_COLOR": "1"])
            #expect(choice.theme.name == "mono")
            #expect(choice.warning?.contains("broken.toml:1: not valid TOML") == true, "\(choice.warning ?? "")")
        }
    }
}
