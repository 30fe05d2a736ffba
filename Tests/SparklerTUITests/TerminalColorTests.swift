import SparklerGraphics
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

/// 8 and 16 colours stay usable: borders visible on their background, the focus colour told apart.
@Suite struct LowColourContrastTests {
    private let background = Color.rgb(0x1B, 0x1E, 0x25)
    private let border = Color.rgb(0x44, 0x4B, 0x59)
    private let focused = Color.rgb(0x7A, 0xA2, 0xF7)

    @Test(arguments: [ColorMode.ansi8, .ansi16])
    func aDimBorderOnADarkBackgroundStillShows(mode: ColorMode) {
        let (front, back) = mode.numbers(foreground: border, background: background)
        #expect(front != back)
        #expect(back == 0)
    }

    @Test(arguments: [ColorMode.ansi8, .ansi16])
    func theFocusedBorderDiffersFromTheOthers(mode: ColorMode) {
        let plain = mode.numbers(foreground: border, background: background).foreground
        let focus = mode.numbers(foreground: focused, background: background).foreground
        #expect(plain != focus)
        #expect(focus != 0)
    }

    @Test func eightColoursKeepAColoursHueAndGreysTheirLightness() {
        #expect(ColorMode.ansi8.number(for: focused) == 6, "light blue is cyan, not white")
        #expect(ColorMode.ansi8.number(for: .rgb(250, 250, 250)) == 7)
        #expect(ColorMode.ansi8.number(for: .rgb(200, 20, 20)) == 1)
    }

    @Test func colourfulTerminalsAreLeftAlone() {
        let numbers = ColorMode.indexed256.numbers(foreground: border, background: background)
        #expect(numbers == (Int32(border.nearestIndexed), Int32(background.nearestIndexed)))
        #expect(numbers.foreground != numbers.background)
    }
}
