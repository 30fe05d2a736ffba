import SparklerCore
@testable import SparklerGraphics
import Testing

/// Decoded images and rendered panes are kept, so that nothing is decoded or rendered twice.
@Suite struct GraphicsCacheTests {
    private let image = GraphicsTestImages.solid(width: 32, height: 32, red: 10, green: 20, blue: 30)
    private let format = GraphicsTestImages.symbols256

    @Test func aSecondRequestForTheSamePaneIsAHit() {
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        let first = cache.picture(forKey: "a", columns: 20, rows: 10, format: format) { image }
        let second = cache.picture(forKey: "a", columns: 20, rows: 10, format: format) { image }
        #expect(first == second)
        #expect(cache.statistics == PictureCache.Statistics(decodes: 1, renders: 1, imageHits: 0, pictureHits: 1))
    }

    @Test func aResizeRendersAgainWithoutDecodingAgain() {
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        _ = cache.picture(forKey: "a", columns: 20, rows: 10, format: format) { image }
        _ = cache.picture(forKey: "a", columns: 30, rows: 12, format: format) { image }
        _ = cache.picture(forKey: "a", columns: 30, rows: 12, format: PictureFormat(mode: .symbols, colorDepth: .truecolor)) { image }
        _ = cache.picture(forKey: "a", columns: 20, rows: 10, format: format) { image }
        #expect(cache.statistics.decodes == 1)
        #expect(cache.statistics.renders == 3)
        #expect(cache.statistics.imageHits == 2)
    }

    @Test func theLeastRecentlyUsedPaneGoesFirst() {
        let cache = PictureCache(renderer: PictureRenderer(threads: 1), maxPictures: 2)
        for columns in [10, 11, 10, 12] {
            _ = cache.picture(forKey: "a", columns: columns, rows: 5, format: format) { image }
        }
        #expect(cache.statistics.renders == 3)
        _ = cache.picture(forKey: "a", columns: 10, rows: 5, format: format) { image }
        #expect(cache.statistics.renders == 3, "10 was used more recently than 11")
        _ = cache.picture(forKey: "a", columns: 11, rows: 5, format: format) { image }
        #expect(cache.statistics.renders == 4)
    }

    @Test func imagesAreBoundedByBytes() {
        let cache = PictureCache(maxImages: 10, maxImageBytes: 32 * 32 * 4 * 2)
        var decodes = 0
        for key in ["a", "b", "c", "a"] {
            _ = cache.image(forKey: key) { decodes += 1; return image }
        }
        #expect(decodes == 4, "a was pushed out by b and c")
        _ = cache.image(forKey: "c") { decodes += 1; return image }
        #expect(decodes == 4)
    }

    @Test func askingWhatIsCachedDoesNoWork() {
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        #expect(cache.cachedPicture(forKey: "a", columns: 20, rows: 10, format: format) == nil)
        #expect(cache.statistics == PictureCache.Statistics())
        let rendered = cache.picture(forKey: "a", columns: 20, rows: 10, format: format) { image }
        #expect(cache.cachedPicture(forKey: "a", columns: 20, rows: 10, format: format) == rendered)
        #expect(cache.cachedPicture(forKey: "a", columns: 21, rows: 10, format: format) == nil)
        #expect(cache.statistics == PictureCache.Statistics(decodes: 1, renders: 1, imageHits: 0, pictureHits: 1))
    }

    @Test func aFailedDecodeIsNotCached() {
        struct Broken: Error {}
        let cache = PictureCache()
        #expect(throws: Broken.self) { try cache.picture(forKey: "bad", columns: 4, rows: 4, format: format) { throw Broken() } }
        #expect(cache.statistics.decodes == 0)
        #expect(cache.picture(forKey: "bad", columns: 4, rows: 4, format: format) { image }.fit.picture.width == 4)
    }

    @Test func sharedBetweenTasks() async {
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        let image = self.image
        let format = self.format
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { _ = cache.picture(forKey: "k\(index % 2)", columns: 8, rows: 4, format: format) { image } }
            }
        }
        #expect(cache.statistics.renders + cache.statistics.pictureHits == 8)
    }
}
