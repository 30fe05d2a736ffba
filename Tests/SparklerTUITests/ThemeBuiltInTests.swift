import Foundation
import SparklerCore
import Testing
@testable import SparklerTUI

@Suite struct ThemeBuiltInTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")
    static let names = ["dark", "light", "high-contrast", "mono"]
    static let noUserThemes = URL(fileURLWithPath: "/nonexistent/sparkler/themes")

    static func builtIn(_ name: String) throws -> Theme {
        try ThemeParser(source: #require(BuiltInThemes.sources[name]), file: "\(name).toml").parse()
    }

    @Test(arguments: names) func parsesAndNamesItself(name: String) throws {
        let theme = try Self.builtIn(name)
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
    }

    @Test func theEmbeddedThemesAreTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(".toml".count)) }) == Set(BuiltInThemes.sources.keys),
                "themes/ and BuiltInThemes.swift differ: run `make themes`")
        for file in files {
            let text = try String(contentsOf: Self.themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(".toml".count))
            #expect(BuiltInThemes.sources[name] == text, "themes/\(file) changed since it was embedded: run `make themes`")
        }
    }

    @Test func theDefaultIsDark() {
        let choice = ThemeCatalogue.load(named: nil, userDirectory: Self.noUserThemes, environment: [:])
        #expect(choice.theme.name == "dark")
        #expect(choice.warning == nil)
    }

    @Test func noColorGivesMonoWhichHasNoColours() {
        let choice = ThemeCatalogue.load(named: nil, userDirectory: Self.noUserThemes, environment: ["NO_COLOR": "1"])
        #expect(choice.theme.name == "mono")
        for element in ThemeElement.allCases {
            #expect(choice.theme[element].foreground == .default, "mono \(element.rawValue)")
            #expect(choice.theme[element].background == .default, "mono \(element.rawValue)")
        }
    }

    @Test func anEmptyNoColorIsIgnored() {
        let choice = ThemeCatalogue.load(named: nil, userDirectory: Self.noUserThemes, environment: ["NO_COLOR": ""])
        #expect(choice.theme.name == "dark")
    }

    @Test func aNamedThemeWinsOverNoColor() {
        let choice = ThemeCatalogue.load(named: "light", userDirectory: Self.noUserThemes, environment: ["NO_COLOR": "1"])
        #expect(choice.theme.name == "light")
    }

    @Test(arguments: names) func focusIsVisible(name: String) throws {
        let theme = try Self.builtIn(name)
        let pairs: [(ThemeElement, ThemeElement)] = [
            (.field, .fieldFocused), (.listItem, .listSelected), (.listSelectedUnfocused, .listSelected),
            (.border, .borderFocused), (.title, .titleFocused), (.choice, .choiceFocused), (.sliderKnob, .sliderKnobFocused),
        ]
        for (unfocused, focused) in pairs {
            #expect(theme[unfocused] != theme[focused], "\(name): \(unfocused.rawValue) looks like \(focused.rawValue)")
        }
    }
}
