import SparklerCore
import SparklerGraphics

/// Pictures of history entries, read from the history's files, decoded and rendered once per
/// (picture, pane size, format) through the cache.
public struct HistoryPictureSource: PictureSource {
    private let history: HistoryStore
    private let cache: PictureCache
    /// Live previews change at every step: a cache of their own keeps them from evicting history's pictures.
    private let previews: PictureCache
    private let format: PictureFormat

    public init(history: HistoryStore, cache: PictureCache, format: PictureFormat) {
        self.history = history
        self.cache = cache
        previews = PictureCache(renderer: cache.renderer, maxImages: 1, maxPictures: 2)
        self.format = format
    }

    public func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? {
        guard let hash = entry.imageHash, columns > 0, rows > 0 else { return nil }
        return try? cache.picture(forKey: hash, columns: columns, rows: rows, format: format) {
            guard let data = try history.imageData(for: entry) else { throw MissingPicture() }
            return try ImageCodec.decode(data)
        }
    }

    public func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? {
        guard columns > 0, rows > 0 else { return nil }
        return previews.picture(forKey: key, columns: columns, rows: rows, format: format) { image }
    }

    private struct MissingPicture: Error {}
}
