import SparklerCore
import SparklerGraphics
@testable import SparklerTUI
import Testing

/// A rendered picture drawn into the playground's frame: symbols as cells, pixel pictures as placements.
@Suite struct PictureDrawingTests {
    private let renderer = PictureRenderer(threads: 1)

    @Test func aWidePictureLeavesTheMarginsAsTheViewDrewThem() {
        let image = RGBAImage(width: 200, height: 100, red: 0, green: 0, blue: 255)!
        let picture = renderer.render(image, columns: 20, rows: 20, format: PictureFormat(mode: .symbols, colorDepth: .truecolor))
        let margin = Cell(" ", style: Style(background: .rgb(40, 44, 52)))
        var frame = Frame(width: 20, height: 20, fill: margin)
        picture.draw(into: &frame, x: 0, y: 0)
        for y in 0..<20 {
            let untouched = (0..<20).allSatisfy { frame[$0, y] == margin }
            #expect(untouched == !(7..<12).contains(y), "row \(y)")
        }
    }

    @Test func sixelIsPlacedOverTheViewsCells() throws {
        let image = RGBAImage(width: 32, height: 32, red: 0, green: 200, blue: 0)!
        let picture = renderer.render(image, columns: 20, rows: 10, format: PictureFormat(mode: .sixel, colorDepth: .truecolor), key: "abc")
        guard case .sequence(let sequence) = picture.content else {
            Issue.record("sixel should render a sequence")
            return
        }
        var frame = Frame(width: 30, height: 12, fill: Cell("x"))
        picture.draw(into: &frame, x: 5, y: 1)
        let placement = try #require(frame.placements.first)
        #expect(placement.rect == Rect(x: 5, y: 1, width: 20, height: 10))
        #expect(placement.sequence == sequence)
        #expect(placement.key == "abc@20x10/sixel")
        #expect(placement.removal == nil, "cells written over sixel replace its pixels")
        #expect(frame[5, 1].text == "x", "the cells under a placement keep the view's background")
        #expect(frame[4, 1].text == "x")
    }
}
