import Foundation
import SparklerCore
import SparklerGraphics
@testable import SparklerTUI
import Testing

/// While a picture is being rendered off the UI thread its pane says so, and a picture that cannot come says why.
@Suite struct PicturePlaceholderTests {
    /// A source whose pictures are all still on their way, or have all failed with `failure`.
    private struct PendingPictures: PictureSource {
        var failure: String?
        func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? { nil }
        func failure(for entry: HistoryEntry) -> String? { failure }
        func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? { nil }
    }

    private let theme = ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme

    @Test func theImagePaneSaysLoadingInsteadOfStayingBlank() {
        var state = makeState()
        state.picture = makeEntry(id: 1, prompt: "a fox")
        let text = PlaygroundView(theme: theme, pictures: PendingPictures()).render(state).text
        #expect(text.contains(EntryPictureView.loading))
        #expect(!text.contains("Your picture appears here."), "there is a picture: it is on its way")
    }

    @Test func theHistoryThumbnailSaysLoadingToo() {
        var state = makeState()
        state.send(.historyLoaded(queryID: state.history.queryID, entries: [makeEntry(id: 7, prompt: "a fox")], append: false, total: 1))
        let frame = PlaygroundView(theme: theme, pictures: PendingPictures()).render(state)
        let rows = frame.text.split(separator: "\n").filter { $0.contains(EntryPictureView.loading) }
        #expect(rows.count == 1, "the detail's thumbnail (the image pane shows no picture yet)")
    }

    @Test func aPictureThatCannotComeSaysWhy() {
        var state = makeState()
        state.picture = makeEntry(id: 1, prompt: "a fox")
        let text = PlaygroundView(theme: theme, pictures: PendingPictures(failure: "picture file missing")).render(state).text
        #expect(text.contains("✗ picture file missing"))
        #expect(!text.contains(EntryPictureView.loading))
    }

    /// Between the last preview and the finished picture the pane keeps the preview, not "loading…".
    @Test func theLastPreviewStaysUntilThePictureIsRendered() throws {
        struct PreviewOnly: PictureSource {
            func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? { nil }
            func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? {
                BlockPictures().picture(for: image, key: key, columns: columns, rows: rows)
            }
        }
        var state = makeState()
        state.type("a fox")
        _ = state.press(.enter)
        let preview = try #require(RGBAImage(width: 4, height: 4, red: 1, green: 2, blue: 3))
        state.send(.generationProgress(.step(20, of: 20, preview: preview)))
        state.send(.generationFinished(.finished([makeEntry(id: 9, prompt: "a fox")])))
        let text = PlaygroundView(theme: theme, pictures: PreviewOnly()).render(state).text
        #expect(text.contains("~~~~") && !text.contains(EntryPictureView.loading), "the preview stays")
        state.picture = makeEntry(id: 3, prompt: "another")
        #expect(state.lastPreview == nil, "another picture shown drops it")
    }
}
