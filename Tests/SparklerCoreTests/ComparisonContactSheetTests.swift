import FireworksTestServer
import Foundation
import Testing
@testable import SparklerCore

@Suite struct ComparisonContactSheetTests {
    private static let red: [UInt8] = [200, 30, 30, 255]

    /// Records a solid 64x48 PNG in `history` and returns its row.
    private func recordPicture(_ color: [UInt8], seed: Int, in history: HistoryStore) throws -> HistoryEntry {
        let image = try #require(RGBAImage(width: 64, height: 48, red: color[0], green: color[1], blue: color[2]))
        let picture = GeneratedImage(
            data: try PNGCodec.encode(image), format: .png, size: image.size, seed: seed, finishReason: .success
        )
        let request = HistoryFixtures.request(seed: seed)
        return try history.record(request: request, backend: "fireworks", result: HistoryFixtures.result([picture]))[0]
    }

    private func pixel(_ image: RGBAImage, _ x: Int, _ y: Int) -> [UInt8] {
        let offset = (y * image.width + x) * 4
        return Array(image.pixels[offset..<offset + 4])
    }

    /// Pixels in the rectangle that have exactly `color`.
    private func count(_ color: [UInt8], in image: RGBAImage, x: Range<Int>, y: Range<Int>) -> Int {
        y.reduce(0) { total, row in total + x.filter { pixel(image, $0, row) == color }.count }
    }

    @Test func composesPicturesLabelsAndFailedBoxesWithEveryCellInItsMetadata() throws {
        let history = try TemporaryHistory()
        let first = try recordPicture(Self.red, seed: 1, in: history.store)
        let second = try recordPicture([30, 200, 30, 255], seed: 2, in: history.store)
        let sheet = ContactSheet(rows: 2, columns: 2, cells: [
            ContactSheet.Cell(row: 0, column: 0, label: "seed 1", content: .entry(first)),
            ContactSheet.Cell(row: 0, column: 1, label: "seed 2", content: .entry(second)),
            ContactSheet.Cell(row: 1, column: 0, label: "seed 3", content: .failed(HistoryFixtures.request(seed: 3), message: "HTTP 500")),
            ContactSheet.Cell(row: 1, column: 1, label: "seed 4", content: .cancelled(HistoryFixtures.request(seed: 4))),
        ])
        let data = try sheet.png(history: history.store, backend: "fireworks")
        let image = try PNGCodec.decode(data)

        // A header of four 11 px lines (the prompt; the model; size and steps; CFG: what every cell shares,
        // wrapped at the sheet's 21 characters), then 64x48 cells, 8 px margins, a 13 px label band under each.
        let header = 4 * 11
        #expect(image.size == ImageSize(width: 8 + 2 * (64 + 8), height: 8 + header + 2 * (48 + 13 + 8)))
        #expect(count(ContactSheet.ink, in: image, x: 8..<136, y: 8..<8 + header) > 4 * 40, "the header is written")
        let top = 8 + header
        #expect(pixel(image, 8 + 32, top + 24) == Self.red)
        #expect(pixel(image, 80 + 32, top + 24) == [30, 200, 30, 255])
        #expect(pixel(image, 2, 2) == ContactSheet.background)
        for (x, y) in [(8, top), (80, top), (8, top + 69), (80, top + 69)] {
            let labelBand = count(ContactSheet.ink, in: image, x: x..<x + 64, y: y + 48..<y + 61)
            #expect(labelBand > 20, "no label under the cell at \(x),\(y)")
        }
        #expect(count(ContactSheet.emptyBox, in: image, x: 8..<72, y: top + 69..<top + 117) > 64 * 48 / 2, "the failed cell is a grey box")
        #expect(count(ContactSheet.ink, in: image, x: 8..<72, y: top + 69..<top + 117) > 20, "the grey box says why")

        let metadata = try #require(try ContactSheetMetadata.read(from: data))
        #expect(metadata.rows == 2 && metadata.columns == 2)
        #expect(metadata.cells.map(\.label) == ["seed 1", "seed 2", "seed 3", "seed 4"])
        #expect(metadata.cells.map(\.outcome) == [.success, .success, .failed, .cancelled])
        #expect(metadata.cells.map(\.provenance.seed) == [1, 2, 3, 4])
        #expect(metadata.cells.map(\.historyID) == [first.id, second.id, nil, nil])
        #expect(metadata.cells[2].error == "HTTP 500")
        #expect(metadata.cells[0].provenance.request.prompt == "a red fox in the snow")
        #expect(metadata.cells[0].provenance.size == ImageSize(width: 64, height: 48))
        #expect(metadata.cells[3].provenance.backend == "fireworks")
        #expect(try ImageProvenance.read(from: data) == nil, "a sheet is not one picture to import")
    }

    @Test func theHeaderHasThePromptAndWhatEveryCellSharesAndLabelsWhatDiffers() {
        let cells = (0..<3).map { index in
            var request = HistoryFixtures.request(seed: 7)
            request.cfgScale = [5, 7.5, 10][index]
            return ContactSheet.Cell(row: 0, column: index, label: ["CFG 5", "CFG 7.5", "CFG 10"][index], content: .cancelled(request))
        }
        let captions = ContactSheetCaptions(cells: cells)
        #expect(captions.prompt == "a red fox in the snow")
        #expect(captions.shared == ["playground-v2-1024px-aesthetic", "1024x1024", "30 steps", "seed 7"])
        #expect(captions.cellLabels == ["CFG 5", "CFG 7.5", "CFG 10"], "the labels already say what differs")
        #expect(captions.headerLines(characters: 80) == [
            "a red fox in the snow", "playground-v2-1024px-aesthetic · 1024x1024 · 30 steps · seed 7",
        ])
        #expect(captions.headerLines(characters: 40) == [
            "a red fox in the snow", "playground-v2-1024px-aesthetic", "1024x1024 · 30 steps · seed 7",
        ])
    }

    @Test func whatDiffersAndTheLabelDoesNotSayIsAddedToIt() {
        var tiny = HistoryFixtures.request(seed: 2)
        tiny.model = ModelCapabilities.sparklerTiny.id.path
        tiny.prompt = "a red circle"
        tiny.steps = 20
        let cells = [
            ContactSheet.Cell(row: 0, column: 0, label: "#4 seed 1", content: .failed(HistoryFixtures.request(seed: 1), message: "HTTP 500")),
            ContactSheet.Cell(row: 0, column: 1, label: "#9 seed 2", content: .cancelled(tiny)),
        ]
        let captions = ContactSheetCaptions(cells: cells)
        #expect(captions.prompt == nil)
        #expect(captions.shared == ["1024x1024", "CFG 3"])
        #expect(captions.cellLabels == ["#4 seed 1 · playground-v2-1024px-aesthetic · 30 steps", "#9 seed 2 · sparkler-tiny · 20 steps"])
    }

    @Test func largePicturesShrinkToCellsOfAtMost512Pixels() {
        let layout = ContactSheetLayout(rows: 3, columns: 3, pictureSizes: [ImageSize(width: 1024, height: 768)])
        #expect(layout.cell == ImageSize(width: 512, height: 384))
        #expect(layout.scale == 2)
        #expect(layout.size == ImageSize(width: 16 + 3 * (512 + 16), height: 16 + 3 * (384 + 26 + 16)))
        #expect(layout.fitted(ImageSize(width: 768, height: 1024)) == ImageSize(width: 288, height: 384))
        #expect(ContactSheetLayout(rows: 1, columns: 2, pictureSizes: []).cell == ContactSheetLayout.emptyCell)
    }

    @Test func labelsTooLongForTheCellAreCut() {
        let layout = ContactSheetLayout(rows: 1, columns: 1, pictureSizes: [ImageSize(width: 64, height: 48)])
        #expect(layout.fittingLabel("seed 1234") == "seed 1234")
        let cut = layout.fittingLabel("CFG 7.5 · seed 2147483647")
        #expect(cut.hasSuffix("..") && BitmapFont.width(of: cut, scale: 1) <= 64)
    }

    @Test func resizingAveragesWhenShrinkingAndKeepsFlatColours() throws {
        var checker = [UInt8]()
        for y in 0..<4 {
            for x in 0..<4 {
                let value: UInt8 = (x + y) % 2 == 0 ? 255 : 0
                checker += [value, value, value, 255]
            }
        }
        let small = try #require(RGBAImage(width: 4, height: 4, pixels: checker)).resized(to: ImageSize(width: 2, height: 2))
        #expect(small.pixels.enumerated().allSatisfy { $0.offset % 4 == 3 || (120...135).contains($0.element) }, "\(small.pixels)")

        let flat = try #require(RGBAImage(width: 5, height: 3, red: 10, green: 120, blue: 250))
        #expect(flat.resized(to: ImageSize(width: 13, height: 7)) == RGBAImage(width: 13, height: 7, red: 10, green: 120, blue: 250))
        #expect(flat.resized(to: ImageSize(width: 2, height: 1)) == RGBAImage(width: 2, height: 1, red: 10, green: 120, blue: 250))
    }
}
