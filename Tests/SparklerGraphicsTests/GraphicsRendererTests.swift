import SparklerCore
@testable import SparklerGraphics
import Testing

/// Pixels into cells and sequences, on synthetic pictures.
@Suite struct GraphicsRendererTests {
    private let renderer = PictureRenderer(threads: 1)

    private func cells(_ picture: RenderedPicture) -> [Cell] {
        guard case .cells(let cells) = picture.content else { return [] }
        return cells
    }

    /// What `render` draws from, so a decoder may scale down to it: 8x8 pixels per cell in symbols, the shown
    /// size in pixel graphics; a picture scaled to it lays out in the same cells as the full one.
    @Test func pixelsUsedAreEightPerCellInSymbolsAndTheShownSizeInPixelGraphics() {
        let cell = PixelSize(width: 10, height: 20)
        let symbols = PictureFormat(mode: .symbols, colorDepth: .palette256, cell: cell)
        let kitty = PictureFormat(mode: .kitty, colorDepth: .truecolor, cell: cell)
        let used = PictureRenderer.pixelsUsed(imageWidth: 1024, imageHeight: 1024, columns: 80, rows: 40, format: symbols)
        #expect(used == ImageSize(width: 640, height: 320))
        #expect(PictureRenderer.pixelsUsed(imageWidth: 1024, imageHeight: 1024, columns: 80, rows: 40, format: kitty)
            == ImageSize(width: 800, height: 800))
        let full = renderer.render(GraphicsTestImages.solid(width: 1024, height: 1024, red: 0, green: 0, blue: 255), columns: 80, rows: 40, format: symbols)
        let scaled = renderer.render(GraphicsTestImages.solid(width: 640, height: 640, red: 0, green: 0, blue: 255), columns: 80, rows: 40, format: symbols)
        #expect(scaled.fit.picture == full.fit.picture)
    }

    @Test func solidRedIsRedInTruecolor() {
        let picture = renderer.render(GraphicsTestImages.solid(red: 255, green: 0, blue: 0), columns: 8, rows: 4, format: GraphicsTestImages.symbolsTruecolor)
        #expect(cells(picture).count == 32)
        let colors = cells(picture).flatMap(GraphicsTestImages.visibleColors)
        #expect(!colors.isEmpty)
        #expect(colors.allSatisfy { $0 == .rgb(255, 0, 0) }, "\(Set(colors))")
    }

    @Test func solidRedIsThePalettesRedIn256Colours() {
        let picture = renderer.render(GraphicsTestImages.solid(red: 255, green: 0, blue: 0), columns: 8, rows: 4, format: GraphicsTestImages.symbols256)
        let colors = cells(picture).flatMap(GraphicsTestImages.visibleColors)
        #expect(!colors.isEmpty)
        #expect(colors.allSatisfy { $0 == .indexed(Color.rgb(255, 0, 0).nearestIndexed) }, "\(Set(colors))")
    }

    @Test(arguments: [ColorDepth.truecolor, .palette256, .sixteen])
    func leftBlackRightWhiteIsDarkOnTheLeftAndLightOnTheRight(depth: ColorDepth) throws {
        let picture = renderer.render(GraphicsTestImages.blackThenWhite(), columns: 20, rows: 5, format: PictureFormat(mode: .symbols, colorDepth: depth))
        #expect(picture.fit.picture == Rect(x: 0, y: 0, width: 20, height: 5))
        for y in 0..<5 {
            let left = GraphicsTestImages.visibleColors(picture.cell(x: 0, y: y)).compactMap(GraphicsTestImages.brightness)
            let right = GraphicsTestImages.visibleColors(picture.cell(x: 19, y: y)).compactMap(GraphicsTestImages.brightness)
            #expect(!left.isEmpty && left.allSatisfy { $0 < 64 }, "row \(y) left: \(left)")
            #expect(!right.isEmpty && right.allSatisfy { $0 > 192 }, "row \(y) right: \(right)")
        }
    }

    @Test func aWidePictureInASquarePaneIsCentred() {
        // 20x20 cells of 10x20 pixels is 200x400; a 2:1 picture takes 200x100 of it, 20x5 cells.
        let picture = renderer.render(GraphicsTestImages.solid(width: 200, height: 100, red: 0, green: 0, blue: 255), columns: 20, rows: 20, format: GraphicsTestImages.symbolsTruecolor)
        #expect(picture.fit.picture == Rect(x: 0, y: 7, width: 20, height: 5))
        #expect(picture.cell(x: 0, y: 6) == .blank)
        #expect(picture.cell(x: 0, y: 7) != .blank)
    }

    @Test func aTallPictureIsCentredWithBlankColumns() {
        let fit = PaneFit(imageWidth: 100, imageHeight: 200, columns: 40, rows: 10)
        #expect(fit.picture == Rect(x: 15, y: 0, width: 10, height: 10))
        #expect(PaneFit(imageWidth: 100, imageHeight: 100, columns: 0, rows: 10).picture.isEmpty)
        #expect(PaneFit(imageWidth: 100, imageHeight: 100, columns: 20, rows: 10, cell: PixelSize(width: 0, height: -3)).picture
            == Rect(x: 5, y: 0, width: 10, height: 10), "a nonsense cell size counts as one pixel")
    }

    @Test func anEmptyPaneRendersNothing() {
        let picture = renderer.render(GraphicsTestImages.solid(red: 1, green: 2, blue: 3), columns: 0, rows: 0, format: GraphicsTestImages.symbols256)
        #expect(cells(picture).isEmpty)
        #expect(PictureANSIText.text(of: picture).isEmpty)
    }

    @Test func noColourLeavesTheTerminalsOwnColours() {
        let picture = renderer.render(GraphicsTestImages.blackThenWhite(), columns: 20, rows: 5, format: PictureFormat(mode: .symbols, colorDepth: .none))
        #expect(cells(picture).allSatisfy { $0.style == .plain })
        let text = PictureANSIText.text(of: picture)
        #expect(!text.contains("\u{1B}"), "no SGR sequence at all")
        #expect(text.split(separator: "\n").count == 5)
    }

    @Test func sixelStartsWithTheDCSIntroducer() {
        let format = PictureFormat(mode: .sixel, colorDepth: .truecolor)
        let picture = renderer.render(GraphicsTestImages.solid(width: 32, height: 32, red: 0, green: 200, blue: 0), columns: 20, rows: 10, format: format, key: "abc")
        guard case .sequence(let sequence) = picture.content else {
            Issue.record("sixel should render a sequence")
            return
        }
        #expect(sequence.hasPrefix("\u{1B}P"))
        #expect(sequence.hasSuffix("\u{1B}\\"))
        #expect(sequence.contains("q"))

        #expect(picture.placementKey == "abc@20x10/sixel")
    }

    @Test func insideTmuxTheSequenceIsWrappedWithEveryEscapeDoubled() {
        let format = PictureFormat(mode: .sixel, colorDepth: .truecolor, wrapsForTmux: true)
        let picture = renderer.render(GraphicsTestImages.solid(width: 16, height: 16, red: 9, green: 9, blue: 9), columns: 4, rows: 2, format: format)
        guard case .sequence(let sequence) = picture.content else {
            Issue.record("sixel should render a sequence")
            return
        }
        #expect(sequence.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}P"))
        #expect(sequence.hasSuffix("\u{1B}\u{1B}\\\u{1B}\\"))
    }

    @Test func tmuxWrappingDoublesEscapesAndWrapsEachSequenceOnItsOwn() {
        #expect(TmuxPassthrough.wrap("\u{1B}Pq#0\u{1B}\\") == "\u{1B}Ptmux;\u{1B}\u{1B}Pq#0\u{1B}\u{1B}\\\u{1B}\\")
        let kittyChunks = "\u{1B}_Gm=1;AAAA\u{1B}\\\u{1B}_Gm=0;BBBB\u{1B}\\"
        #expect(TmuxPassthrough.wrap(kittyChunks)
            == "\u{1B}Ptmux;\u{1B}\u{1B}_Gm=1;AAAA\u{1B}\u{1B}\\\u{1B}\\\u{1B}Ptmux;\u{1B}\u{1B}_Gm=0;BBBB\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func kittyIsAnAPCSequence() {
        let picture = renderer.render(GraphicsTestImages.solid(width: 16, height: 16, red: 9, green: 9, blue: 9), columns: 4, rows: 2, format: PictureFormat(mode: .kitty, colorDepth: .truecolor))
        guard case .sequence(let sequence) = picture.content else {
            Issue.record("kitty should render a sequence")
            return
        }
        #expect(sequence.hasPrefix("\u{1B}_G"))
    }

    @Test func ansiTextHasOneResetLinePerRowAndNoCursorMovement() {
        let picture = renderer.render(GraphicsTestImages.solid(width: 64, height: 32, red: 255, green: 0, blue: 0), columns: 20, rows: 10, format: GraphicsTestImages.symbols256)
        let text = PictureANSIText.text(of: picture)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
        #expect(text.contains("5;196m"))
        #expect(!text.contains(/\x1B\[[0-9;]*[ABCDHJf]/), "no cursor movement")

        let truecolor = renderer.render(GraphicsTestImages.solid(red: 255, green: 0, blue: 0), columns: 4, rows: 2, format: GraphicsTestImages.symbolsTruecolor)
        #expect(PictureANSIText.text(of: truecolor).contains("2;255;0;0m"))
        #expect(PictureANSIText.sgr(Style(foreground: .indexed(9), background: .indexed(1))) == "\u{1B}[0;91;41m")
    }
}
