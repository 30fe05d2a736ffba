import SparklerCore
import Testing
@testable import SparklerGraphics

/// Placement from the pane, the cell's pixels and the picture's size; the cell size's sources.
@Suite struct PictureGeometryTests {
    /// The picture's pixel box on screen, relative to the pane's top left.
    private func box(_ fit: PaneFit, cell: PixelSize) -> (x: Int, y: Int, width: Int, height: Int) {
        (fit.picture.x * cell.width + fit.image.x, fit.picture.y * cell.height + fit.image.y, fit.image.width, fit.image.height)
    }

    @Test(arguments: [
        (PixelSize(width: 7, height: 15), GraphicsMode.sixel), (PixelSize(width: 12, height: 25), .sixel),
        (PixelSize(width: 10, height: 20), .kitty), (PixelSize(width: 9, height: 19), .kitty), (PixelSize(width: 12, height: 25), .iterm2),
    ])
    func aSquarePictureFillsItsPaneKeepsItsShapeAndIsCentred(cell: PixelSize, mode: GraphicsMode) {
        let (columns, rows) = (50, 25)
        let fit = PaneFit(imageWidth: 1024, imageHeight: 1024, columns: columns, rows: rows, cell: cell, mode: mode)
        let pane = (width: columns * cell.width, height: rows * cell.height)
        let shown = box(fit, cell: cell)
        #expect(shown.width == shown.height, "aspect kept")
        #expect(min(pane.width - shown.width, pane.height - shown.height) < (mode == .sixel ? 6 : 1), "as large as fits")
        #expect(fit.picture.maxX <= columns && fit.picture.maxY <= rows, "inside the pane")
        #expect(fit.canvas.width == fit.picture.width * cell.width)
        #expect(fit.canvas.height <= fit.picture.height * cell.height, "never past its last row")
        let centreError = (abs(2 * shown.x + shown.width - pane.width), abs(2 * shown.y + shown.height - pane.height))
        #expect(centreError.0 <= cell.width && centreError.1 <= cell.height, "centred within half a cell: \(centreError)")
    }

    @Test func sixelCanvasesAreWholeBandsHigh() {
        let fit = PaneFit(imageWidth: 512, imageHeight: 512, columns: 10, rows: 5, cell: PixelSize(width: 12, height: 25), mode: .sixel)
        #expect(fit.canvas.height % 6 == 0)
        #expect(fit.canvas == PixelSize(width: 120, height: 120))
        #expect(fit.image == PixelRect(x: 0, y: 0, width: 120, height: 120))
        #expect(fit.picture == Rect(x: 0, y: 0, width: 10, height: 5))
    }

    @Test func symbolsFollowTheCellsShapeToo() {
        // 7x15 cells: a square picture 30 rows high is 30 * 15 / 7 = 64 columns wide, not 60 as 0.5 would make it.
        let fit = PaneFit(imageWidth: 512, imageHeight: 512, columns: 100, rows: 30, cell: PixelSize(width: 7, height: 15), mode: .symbols)
        #expect(fit.picture == Rect(x: 18, y: 0, width: 64, height: 30))
    }

    @Test func thePaddedImageIsTransparentAroundThePicture() throws {
        let fit = PaneFit(imageWidth: 100, imageHeight: 50, columns: 10, rows: 10, cell: PixelSize(width: 10, height: 20), mode: .kitty)
        let image = try #require(RGBAImage(width: 100, height: 50, red: 200, green: 10, blue: 10))
        let laidOut = PictureRenderer.laidOut(image, in: fit)
        #expect(laidOut.width == fit.canvas.width && laidOut.height == fit.canvas.height)
        func alpha(_ x: Int, _ y: Int) -> UInt8 { laidOut.pixels[(y * laidOut.width + x) * 4 + 3] }
        #expect(alpha(0, 0) == 0)
        #expect(alpha(fit.image.x + 1, fit.image.y + 1) == 255)
        #expect(alpha(laidOut.width / 2, fit.image.y + fit.image.height) == 0)
    }

    @Test func theKernelsPixelsComeFirstThenTheTerminalsAnswersThenTheFallback() {
        var answers = TerminalAnswers()
        answers.record(.cellPixels(width: 9, height: 18))
        answers.record(.textAreaPixels(width: 880, height: 480))
        let kernel = TerminalWindow(columns: 80, rows: 24, pixelWidth: 960, pixelHeight: 600)
        let noPixels = TerminalWindow(columns: 80, rows: 24)
        #expect(CellGeometry.resolve(window: kernel, answers: answers) == CellGeometry(pixels: PixelSize(width: 12, height: 25), source: .kernel))
        #expect(CellGeometry.resolve(window: noPixels, answers: answers) == CellGeometry(pixels: PixelSize(width: 9, height: 18), source: .cellReply))
        var areaOnly = TerminalAnswers()
        areaOnly.record(.textAreaPixels(width: 880, height: 480))
        #expect(CellGeometry.resolve(window: noPixels, answers: areaOnly) == CellGeometry(pixels: PixelSize(width: 11, height: 20), source: .textAreaReply))
        #expect(CellGeometry.resolve(window: noPixels, answers: TerminalAnswers()) == .fallback)
        #expect(CellGeometry.resolve(window: nil, answers: nil) == .fallback)
    }
}

@Suite struct SixelLimitTests {
    @Test func aSixelPictureNeverExceedsTheTerminalsLimit() {
        // xterm draws at most 1000x1000 pixels of sixel: a big pane at 11x23 cells must not be cut off.
        let limit = PixelSize(width: 1000, height: 1000)
        let fit = PaneFit(imageWidth: 1024, imageHeight: 1024, columns: 150, rows: 60, cell: PixelSize(width: 11, height: 23), mode: .sixel, limit: limit)
        #expect(fit.canvas.width <= 1000 && fit.canvas.height <= 1000)
        #expect(fit.image.width == fit.image.height)
        #expect(fit.image.x + fit.image.width <= fit.canvas.width && fit.image.y + fit.image.height <= fit.canvas.height)
        #expect(fit.image.height >= 990, "as large as the limit allows: \(fit.image)")
    }

    @Test func theLimitComesFromXTSMGRAPHICSAndOnlyForSixel() {
        let answers = TerminalAnswers([.graphicsAttribute(item: 2, status: 0, values: [560, 360]), .primaryAttributes([63, 4])])
        let sixel = GraphicsDetector().detect(environment: ["TERM": "xterm"], answers: answers)
        #expect(sixel.format.sixelLimit == PixelSize(width: 560, height: 360))
        let symbols = GraphicsDetector(preference: .symbols).detect(environment: ["TERM": "xterm"], answers: answers)
        #expect(symbols.format.sixelLimit == nil)
    }
}

/// What chafa's sequences carry, decoded: size, padding, colours.
@Suite struct PictureSequenceTests {
    private let renderer = PictureRenderer(threads: 1)

    @Test func aSixelPictureHasItsCanvasSizeTransparentPaddingAndNoColourThatIsNotInThePicture() throws {
        let image = try #require(RGBAImage(width: 300, height: 100, red: 200, green: 20, blue: 20))
        let cell = PixelSize(width: 7, height: 15)
        let picture = renderer.render(image, columns: 20, rows: 10, format: PictureFormat(mode: .sixel, colorDepth: .truecolor, cell: cell))
        guard case .sequence(let sequence) = picture.content else { Issue.record("no sequence"); return }
        let sixel = SixelImage(sequence)
        let fit = picture.fit
        #expect(sixel.width == fit.canvas.width && sixel.height == fit.canvas.height)
        #expect(sixel.height % 6 == 0)
        #expect(sixel.register(x: fit.image.x + 5, y: fit.image.y + 5) != nil)
        #expect(sixel.register(x: sixel.width / 2, y: 0) == nil, "the padding above a wide picture is transparent")
        // Every drawn pixel is the picture's red: no stray pixel of another colour (chafa defines a grey
        // register in every palette, but must never draw with it).
        for register in Set(sixel.drawn.values) {
            let (r, g, b) = try #require(sixel.registers[register])
            #expect(r > 70 && g < 15 && b < 15, "register \(register) is \(r);\(g);\(b) percent")
        }
        #expect(abs(sixel.drawn.count - fit.image.width * fit.image.height) <= fit.image.width / 10, "the picture, not its padding")
    }

    @Test func anITerm2PictureNamesItsCellsAndEndsWithBEL() throws {
        let image = try #require(RGBAImage(width: 64, height: 64, red: 0, green: 0, blue: 255))
        let picture = renderer.render(
            image, columns: 30, rows: 10, format: PictureFormat(mode: .iterm2, colorDepth: .truecolor, cell: PixelSize(width: 9, height: 18)))
        guard case .sequence(let sequence) = picture.content else { Issue.record("no sequence"); return }
        #expect(sequence.hasPrefix("\u{1B}]1337;File=inline=1;width=\(picture.fit.picture.width);height=\(picture.fit.picture.height);"))
        #expect(sequence.hasSuffix("\u{07}"))
        #expect(picture.fit.picture == Rect(x: 5, y: 0, width: 20, height: 10), "64x64 in 9x18 cells: 180x180 px")
    }
}
