import Testing
@testable import SparklerTUI

@Suite("Terminal colour mapping")
struct TerminalColorTests {
    @Test func modeFollowsTheColourCount() {
        #expect(ColorMode(colorCount: 0) == .monochrome)
        #expect(ColorMode(colorCount: 8) == .ansi8)
        #expect(ColorMode(colorCount: 16) == .ansi16)
        #expect(ColorMode(colorCount: 88) == .ansi16)
        #expect(ColorMode(colorCount: 256) == .indexed256)
        #expect(ColorMode(colorCount: 16_777_216) == .direct)
    }

    @Test func defaultIsMinusOneEverywhere() {
        for mode in [ColorMode.monochrome, .ansi8, .ansi16, .indexed256, .direct] {
            #expect(mode.number(for: .default) == -1)
        }
        #expect(ColorMode.monochrome.number(for: .rgb(255, 0, 0)) == -1)
    }

    @Test func directColourPacksRGBAndKeepsClearOfThePaletteIndexes() {
        #expect(ColorMode.direct.number(for: .rgb(255, 0, 0)) == 0xFF0000)
        #expect(ColorMode.direct.number(for: .rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorMode.direct.number(for: .rgb(0, 0, 5)) == 8)
        #expect(ColorMode.direct.number(for: .indexed(3)) == 3)
        #expect(ColorMode.direct.number(for: .indexed(196)) == 0xFF0000)
        #expect(ColorMode.direct.number(for: .indexed(232)) == 0x080808)
    }

    @Test func indexedModesFallBackToTheNearestEntry() {
        #expect(ColorMode.indexed256.number(for: .rgb(255, 0, 0)) == 196)
        #expect(ColorMode.indexed256.number(for: .indexed(7)) == 7)
        #expect(ColorMode.ansi16.number(for: .indexed(12)) == 12)
        #expect(ColorMode.ansi16.number(for: .indexed(196)) == 9)
        #expect(ColorMode.ansi16.number(for: .rgb(0, 0, 230)) == 4)
        #expect(ColorMode.ansi8.number(for: .indexed(9)) == 1)
        #expect(ColorMode.ansi8.number(for: .rgb(250, 250, 250)) == 7)
    }

    @Test func xtermPaletteCubeAndGreys() {
        #expect(XtermPalette.rgb(16) == (0, 0, 0))
        #expect(XtermPalette.rgb(196) == (255, 0, 0))
        #expect(XtermPalette.rgb(67) == (95, 135, 175))
        #expect(XtermPalette.rgb(231) == (255, 255, 255))
        #expect(XtermPalette.rgb(255) == (238, 238, 238))
    }
}
