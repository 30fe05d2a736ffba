import SparklerCore
import SparklerGraphics

/// Where views get pictures from: the runtime decodes, renders and caches them; tests pass a fake.
/// Asking never waits for a file or for chafa: what is not rendered yet is nil now and comes later.
public protocol PictureSource: Sendable {
    /// The entry's picture fitted into a pane of `columns` x `rows` cells; nil while it is being
    /// rendered (the runtime sends `AppEvent.pictureReady` when it is) or when it cannot be shown.
    func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture?
    /// Why the entry's picture cannot be shown (its file is missing, unreadable), in a few words;
    /// nil while it is shown or still on its way.
    func failure(for entry: HistoryEntry) -> String?
    /// A picture that is not in history yet (a live preview), fitted likewise; `key` names it for caching.
    func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture?
}

extension PictureSource {
    /// Sources whose pictures always come (test fakes) have nothing to report.
    public func failure(for entry: HistoryEntry) -> String? { nil }
}
