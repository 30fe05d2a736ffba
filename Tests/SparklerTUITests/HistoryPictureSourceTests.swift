import Foundation
import SparklerCore
@testable import SparklerGraphics
@testable import SparklerTUI
import Testing

/// The playground's pictures: history's through the shared cache, live previews through a small one of their own.
@Suite struct HistoryPictureSourceTests {
    private let image = RGBAImage(width: 32, height: 32, red: 10, green: 20, blue: 30)!
    private let format = PictureFormat(mode: .symbols, colorDepth: .palette256)

    @Test func livePreviewsLeaveHistorysPicturesCached() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-previews-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        _ = cache.picture(forKey: "history picture", columns: 20, rows: 10, format: format) { image }
        let source = HistoryPictureSource(
            history: try HistoryStore(directory: directory, appVersion: "test"), cache: cache, format: format
        )
        for step in 1...20 {
            #expect(source.picture(for: image, key: "preview \(step)", columns: 20, rows: 10) != nil)
        }
        _ = cache.picture(forKey: "history picture", columns: 20, rows: 10, format: format) { image }
        #expect(cache.statistics == PictureCache.Statistics(decodes: 1, renders: 1, imageHits: 0, pictureHits: 1))
    }
}
