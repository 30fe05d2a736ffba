import Testing
@testable import SparklerCore

@Suite struct DisplayTextTests {
    @Test func escapeSequencesAndControlsNeverSurvive() {
        let hostile = "sunset\u{1B}[2J\u{1B}]0;owned\u{07} over\tthe\nocean\u{202E}gnp.exe\r"
        let clean = DisplayText.clean(hostile)
        #expect(!clean.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(!clean.contains("\u{202E}"))
        #expect(clean == "sunset [2J ]0;owned over the ocean gnp.exe")
    }

    @Test func ordinaryTextIsUntouched() {
        #expect(DisplayText.clean("夕焼け 🌅 über das Meer") == "夕焼け 🌅 über das Meer")
    }
}
