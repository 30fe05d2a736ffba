import SparklerCore
import SparklerGraphics

/// Where views get pictures from: the runtime decodes, renders and caches them; tests pass a fake.
public protocol PictureSource: Sendable {
    /// The entry's picture fitted into a pane of `columns` x `rows` cells, nil when it has none.
    func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture?
    /// A picture that is not in history yet (a live preview), fitted likewise; `key` names it for caching.
    func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture?
}
