import SparklerCore
import SparklerGraphics

/// The pictures views draw, in the terminal's format. History's come through the loader: a picture not
/// rendered yet is nil now (the view shows "loading…") and arrives with `AppEvent.pictureReady`.
///
/// Live previews are rendered here, on the UI thread, and that is deliberate: the image is already in
/// memory (no file, no decode) and small (sparkler-tiny's are 32x32), each step's is rendered once (its
/// key names the step) and kept in a cache of its own, and rendering it at once keeps the picture in step
/// with the step the title shows. Sent to the worker, it would arrive a frame late, flash "loading…" at
/// every step and queue behind history's pictures.
public struct HistoryPictureSource: PictureSource {
    private let loader: PictureLoader
    /// Live previews change at every step: a cache of their own keeps them from evicting history's pictures.
    private let previews: PictureCache
    private let format: PictureFormat

    public init(loader: PictureLoader, format: PictureFormat) {
        self.loader = loader
        previews = PictureCache(renderer: loader.cache.renderer, maxImages: 1, maxPictures: 2)
        self.format = format
    }

    public func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? {
        guard case .ready(let picture) = loader.picture(for: entry, columns: columns, rows: rows, format: format) else { return nil }
        return picture
    }

    public func failure(for entry: HistoryEntry) -> String? {
        loader.failure(for: entry)
    }

    public func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? {
        guard columns > 0, rows > 0 else { return nil }
        return previews.picture(forKey: key, columns: columns, rows: rows, format: format) { image }
    }
}
