import SparklerCore
import Synchronization

/// Decoded images by content key and rendered panes by (key, size, format), both bounded, so a
/// resize or a return to an earlier picture costs no decode. Safe to share between threads;
/// decoding and rendering run outside the lock.
public final class PictureCache: Sendable {
    /// How often the cache had to do the work, and how often it did not.
    public struct Statistics: Sendable, Equatable {
        public var decodes = 0
        public var renders = 0
        public var imageHits = 0
        public var pictureHits = 0
    }

    private struct PictureKey: Hashable {
        var key: String
        var columns: Int
        var rows: Int
        var format: PictureFormat
    }

    private struct State {
        var images: LRUStore<String, RGBAImage>
        var pictures: LRUStore<PictureKey, RenderedPicture>
        var statistics = Statistics()
    }

    public let renderer: PictureRenderer
    private let state: Mutex<State>

    /// The defaults hold a few 1024x1024 images (4 MiB each) and many panes (tens of KiB each).
    public init(
        renderer: PictureRenderer = PictureRenderer(),
        maxImages: Int = 8, maxImageBytes: Int = 64 << 20,
        maxPictures: Int = 64, maxPictureBytes: Int = 32 << 20
    ) {
        self.renderer = renderer
        state = Mutex(State(
            images: LRUStore(maxCount: maxImages, maxCost: maxImageBytes),
            pictures: LRUStore(maxCount: maxPictures, maxCost: maxPictureBytes)))
    }

    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// The decoded image for `key` (an image hash), decoding it only when it is not cached.
    public func image(forKey key: String, decode: () throws -> RGBAImage) rethrows -> RGBAImage {
        let cached = state.withLock { state -> RGBAImage? in
            let image = state.images.value(for: key)
            if image != nil { state.statistics.imageHits += 1 }
            return image
        }
        if let cached { return cached }
        let image = try decode()
        state.withLock { state in
            state.statistics.decodes += 1
            state.images.insert(image, for: key, cost: image.pixels.count)
        }
        return image
    }

    /// The picture for `key` in a pane of `columns` x `rows` if it is cached (a hit), nil without doing any
    /// work if not: what the UI thread asks while drawing, leaving the rendering to a worker.
    public func cachedPicture(forKey key: String, columns: Int, rows: Int, format: PictureFormat) -> RenderedPicture? {
        let pictureKey = PictureKey(key: key, columns: columns, rows: rows, format: format)
        return state.withLock { state in
            let picture = state.pictures.value(for: pictureKey)
            if picture != nil { state.statistics.pictureHits += 1 }
            return picture
        }
    }

    /// The picture for `key` in a pane of `columns` x `rows`, rendering (and decoding, through the
    /// image cache) only what is not cached.
    public func picture(
        forKey key: String, columns: Int, rows: Int, format: PictureFormat, decode: () throws -> RGBAImage
    ) rethrows -> RenderedPicture {
        if let cached = cachedPicture(forKey: key, columns: columns, rows: rows, format: format) { return cached }
        let pictureKey = PictureKey(key: key, columns: columns, rows: rows, format: format)
        let image = try image(forKey: key, decode: decode)
        let picture = renderer.render(image, columns: columns, rows: rows, format: format, key: key)
        state.withLock { state in
            state.statistics.renders += 1
            state.pictures.insert(picture, for: pictureKey, cost: picture.byteCount)
        }
        return picture
    }
}
