import Dispatch
import SparklerCore
import SparklerGraphics
import Synchronization

/// History's pictures, read from disk, decoded and rendered by chafa on a worker of their own, never on the
/// UI thread. Drawing asks `picture(for:columns:rows:format:)`, which answers at once from the cache, or
/// queues the work and answers `.loading`; when the worker is done, `ready` is called with the picture's key
/// (its image hash) and the loop, woken by `AppEvent.pictureReady`, draws again and finds it cached.
///
/// The queue: one worker (a serial queue), so at most one render at a time and none twice for one pane;
/// a pane asked for again while queued or rendering is not queued again; the newest request goes first;
/// at most `maxPending` wait (the oldest are dropped); and a request the last whole frame did not ask for
/// again (a pane size no longer shown, an entry scrolled past) is dropped when its turn comes.
public final class PictureLoader: Sendable {
    /// What a view can show for an entry's picture now.
    public enum Lookup: Sendable, Equatable {
        case ready(RenderedPicture)
        /// Queued or rendering: the loop will hear `pictureReady` for it.
        case loading
        /// It will not come: why, in a few words for the pane.
        case failed(String)
    }

    /// How the queue fared, for tests.
    public struct Statistics: Sendable, Equatable {
        public var queued = 0
        /// Requests dropped unrendered: stale (not asked for in the last frame) or pushed out of the queue.
        public var dropped = 0
        public var failed = 0
    }

    private struct Job: Hashable {
        var key: String
        var columns: Int
        var rows: Int
        var format: PictureFormat
    }

    private struct Request {
        var job: Job
        var entry: HistoryEntry
        /// The last frame that asked for it.
        var frame: Int
    }

    private struct State {
        /// Oldest first: the worker takes from the end.
        var pending: [Request] = []
        var inFlight: Job?
        var working = false
        var frame = 0
        /// Why an image cannot be shown, by key; kept so that a missing file is not read again every frame.
        var failures: [String: String] = [:]
        var statistics = Statistics()
    }

    public let cache: PictureCache
    private let history: HistoryStore
    private let maxPending: Int
    private let ready: @Sendable (String) -> Void
    private let state = Mutex(State())
    private let worker = DispatchQueue(label: "sparkler.pictures", qos: .userInitiated)

    /// `ready` runs on the worker each time a picture is rendered or has failed, with its key.
    public init(history: HistoryStore, cache: PictureCache, maxPending: Int = 16, ready: @escaping @Sendable (String) -> Void) {
        self.history = history
        self.cache = cache
        self.maxPending = max(maxPending, 1)
        self.ready = ready
    }

    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Never blocks on I/O or chafa: the cached picture, or `.loading` with the work queued, or why not.
    public func picture(for entry: HistoryEntry, columns: Int, rows: Int, format: PictureFormat) -> Lookup {
        guard let key = entry.imageHash else { return .failed("no picture") }
        guard columns > 0, rows > 0 else { return .loading }
        if let picture = cache.cachedPicture(forKey: key, columns: columns, rows: rows, format: format) {
            return .ready(picture)
        }
        let job = Job(key: key, columns: columns, rows: rows, format: format)
        let (lookup, start) = state.withLock { state -> (Lookup, Bool) in
            if let reason = state.failures[key] { return (.failed(reason), false) }
            if state.inFlight == job { return (.loading, false) }
            if let index = state.pending.firstIndex(where: { $0.job == job }) {
                state.pending[index].frame = state.frame
            } else {
                state.pending.append(Request(job: job, entry: entry, frame: state.frame))
                state.statistics.queued += 1
                let excess = state.pending.count - maxPending
                if excess > 0 {
                    state.pending.removeFirst(excess)
                    state.statistics.dropped += excess
                }
            }
            guard !state.working else { return (.loading, false) }
            state.working = true
            return (.loading, true)
        }
        if start { worker.async { self.work() } }
        return lookup
    }

    /// Why the entry's picture cannot be shown, nil while it is shown or may still come.
    public func failure(for entry: HistoryEntry) -> String? {
        guard let key = entry.imageHash else { return "no picture" }
        return state.withLock { $0.failures[key] }
    }

    /// The loop is about to draw a whole frame: what the frame before it did not ask for is no longer shown.
    public func startFrame() {
        state.withLock { $0.frame += 1 }
    }

    /// The worker: renders until nothing is left, newest first.
    private func work() {
        while let request = next() {
            let job = request.job
            var failure: String?
            do {
                _ = try cache.picture(forKey: job.key, columns: job.columns, rows: job.rows, format: job.format) {
                    guard let data = try history.imageData(for: request.entry) else { throw HistoryError.missingImageFile(path: job.key) }
                    return try ImageCodec.decode(data)
                }
            } catch {
                failure = Self.reason(error)
            }
            state.withLock { state in
                state.inFlight = nil
                guard let failure else { return }
                if state.failures.count >= 256 { state.failures.removeAll() }
                state.failures[job.key] = failure
                state.statistics.failed += 1
            }
            ready(job.key)
        }
    }

    private func next() -> Request? {
        state.withLock { state in
            while let request = state.pending.popLast() {
                // Asked for by the frame being drawn or the one before it: still on the screen.
                if request.frame >= state.frame - 1 {
                    state.inFlight = request.job
                    return request
                }
                state.statistics.dropped += 1
            }
            state.working = false
            return nil
        }
    }

    private static func reason(_ error: any Error) -> String {
        if case HistoryError.missingImageFile = error { return "picture file missing" }
        return "picture unreadable"
    }
}

