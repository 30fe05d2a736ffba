import Dispatch
import Foundation
import SparklerCore
@testable import SparklerGraphics
@testable import SparklerTUI
import Synchronization
import Testing

/// The playground's pictures: history's read and rendered on the loader's worker, announced with
/// `pictureReady`; live previews rendered at once through a small cache of their own.
@Suite struct HistoryPictureSourceTests {
    private let image = RGBAImage(width: 32, height: 32, red: 10, green: 20, blue: 30)!
    private let format = PictureFormat(mode: .symbols, colorDepth: .palette256)

    @Test func livePreviewsLeaveHistorysPicturesCached() throws {
        let history = try PictureHistory()
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        _ = cache.picture(forKey: "history picture", columns: 20, rows: 10, format: format) { image }
        let source = HistoryPictureSource(loader: PictureLoader(history: history.store, cache: cache) { _ in }, format: format)
        for step in 1...20 {
            #expect(source.picture(for: image, key: "preview \(step)", columns: 20, rows: 10) != nil, "previews are drawn at once")
        }
        _ = cache.picture(forKey: "history picture", columns: 20, rows: 10, format: format) { image }
        #expect(cache.statistics == PictureCache.Statistics(decodes: 1, renders: 1, imageHits: 0, pictureHits: 1))
    }

    @Test func aPictureNotRenderedYetIsNilUntilItsEventArrives() throws {
        let history = try PictureHistory()
        let entry = try history.add(gray: 90)
        let inbox = EventInbox()
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        let loader = PictureLoader(history: history.store, cache: cache) { inbox.send(.pictureReady($0)) }
        let source = HistoryPictureSource(loader: loader, format: format)

        #expect(source.picture(for: entry, columns: 20, rows: 10) == nil, "drawing never waits for the file or chafa")
        #expect(source.failure(for: entry) == nil, "not failed: loading")
        let key = try #require(entry.imageHash)
        #expect(try #require(waitForReady(inbox)) == [key])
        let picture = try #require(source.picture(for: entry, columns: 20, rows: 10), "the next frame finds it cached")
        #expect(picture.fit.picture.width > 0)
        #expect(cache.statistics == PictureCache.Statistics(decodes: 1, renders: 1, imageHits: 0, pictureHits: 1))
        #expect(loader.statistics == PictureLoader.Statistics(queued: 1, dropped: 0, failed: 0))

        #expect(source.picture(for: entry, columns: 30, rows: 12) == nil, "another pane size is rendered anew")
        #expect(try #require(waitForReady(inbox)) == [key])
        #expect(source.picture(for: entry, columns: 30, rows: 12) != nil)
        #expect(cache.statistics.decodes == 1, "from the decoded image, not the file")
    }

    @Test func aMissingFileIsReportedOnceNotReadEveryFrame() throws {
        let history = try PictureHistory()
        let entry = try history.add(gray: 91)
        try FileManager.default.removeItem(at: try #require(history.store.imageURL(for: entry)))
        let inbox = EventInbox()
        let loader = PictureLoader(history: history.store, cache: PictureCache(renderer: PictureRenderer(threads: 1))) { inbox.send(.pictureReady($0)) }
        let source = HistoryPictureSource(loader: loader, format: format)

        #expect(source.picture(for: entry, columns: 20, rows: 10) == nil)
        #expect(try #require(waitForReady(inbox)) == [try #require(entry.imageHash)], "a failure wakes the loop too, to show it")
        #expect(source.picture(for: entry, columns: 20, rows: 10) == nil)
        #expect(source.failure(for: entry) == "picture file missing")
        #expect(source.picture(for: entry, columns: 40, rows: 20) == nil)
        #expect(loader.statistics == PictureLoader.Statistics(queued: 1, dropped: 0, failed: 1), "not queued again, at any size")
    }

    @Test func anUnreadableFileIsReported() throws {
        let history = try PictureHistory()
        let entry = try history.add(gray: 92)
        try Data("not a picture".utf8).write(to: try #require(history.store.imageURL(for: entry)))
        let inbox = EventInbox()
        let loader = PictureLoader(history: history.store, cache: PictureCache(renderer: PictureRenderer(threads: 1))) { inbox.send(.pictureReady($0)) }
        #expect(loader.picture(for: entry, columns: 20, rows: 10, format: format) == .loading)
        #expect(waitForReady(inbox) != nil)
        #expect(loader.picture(for: entry, columns: 20, rows: 10, format: format) == .failed("picture unreadable"))
    }

    @Test func anEntryWithoutAPictureFailsAtOnce() throws {
        let history = try PictureHistory()
        let loader = PictureLoader(history: history.store, cache: PictureCache()) { _ in }
        let failed = makeEntry(id: 3, prompt: "refused", outcome: .failed)
        #expect(loader.picture(for: failed, columns: 20, rows: 10, format: format) == .failed("no picture"))
        #expect(loader.statistics.queued == 0)
    }

    @Test func concurrentRequestsForOnePaneRenderOnce() async throws {
        let history = try PictureHistory()
        let entry = try history.add(gray: 93, size: 256)
        let cache = PictureCache(renderer: PictureRenderer(threads: 1))
        let readies = Mutex(0)
        let loader = PictureLoader(history: history.store, cache: cache) { _ in readies.withLock { $0 += 1 } }
        let format = self.format
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<16 {
                group.addTask { _ = loader.picture(for: entry, columns: 24, rows: 12, format: format) }
            }
        }
        for _ in 0..<500 where readies.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(cache.cachedPicture(forKey: try #require(entry.imageHash), columns: 24, rows: 12, format: format) != nil)
        #expect(cache.statistics.renders == 1)
        #expect(cache.statistics.decodes == 1)
    }

    @Test func theNewestRequestGoesFirst() throws {
        let history = try PictureHistory()
        let (first, older, newer) = (try history.add(gray: 1), try history.add(gray: 2), try history.add(gray: 3))
        let worker = HeldWorker()
        let loader = PictureLoader(history: history.store, cache: PictureCache(renderer: PictureRenderer(threads: 1)), ready: worker.ready)
        _ = loader.picture(for: first, columns: 10, rows: 5, format: format)
        try worker.waitUntilHeld()
        _ = loader.picture(for: older, columns: 10, rows: 5, format: format)
        _ = loader.picture(for: newer, columns: 10, rows: 5, format: format)
        worker.release()
        #expect(try worker.keys(count: 3) == [first, newer, older].map(\.imageHash))
    }

    @Test func aPaneTheLastFrameDidNotAskForIsDropped() throws {
        let history = try PictureHistory()
        let (first, scrolledPast, shown) = (try history.add(gray: 4), try history.add(gray: 5), try history.add(gray: 6))
        let worker = HeldWorker()
        let loader = PictureLoader(history: history.store, cache: PictureCache(renderer: PictureRenderer(threads: 1)), ready: worker.ready)
        _ = loader.picture(for: first, columns: 10, rows: 5, format: format)
        try worker.waitUntilHeld()
        _ = loader.picture(for: scrolledPast, columns: 10, rows: 5, format: format)
        loader.startFrame()
        _ = loader.picture(for: shown, columns: 10, rows: 5, format: format)
        loader.startFrame()
        worker.release()
        #expect(try worker.keys(count: 2) == [first, shown].map(\.imageHash))
        // The worker drops it when its turn comes, after `shown`.
        for _ in 0..<1000 where loader.statistics.dropped == 0 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(loader.statistics.dropped == 1)
        #expect(loader.picture(for: scrolledPast, columns: 10, rows: 5, format: format) == .loading, "asked again, it is queued again")
        #expect(try worker.keys(count: 3).last == scrolledPast.imageHash)
    }

    @Test func theQueueIsBounded() throws {
        let history = try PictureHistory()
        let entries = try (10..<14).map { try history.add(gray: UInt8($0)) }
        let worker = HeldWorker()
        let loader = PictureLoader(history: history.store, cache: PictureCache(renderer: PictureRenderer(threads: 1)), maxPending: 2, ready: worker.ready)
        _ = loader.picture(for: entries[0], columns: 10, rows: 5, format: format)
        try worker.waitUntilHeld()
        for entry in entries.dropFirst() { _ = loader.picture(for: entry, columns: 10, rows: 5, format: format) }
        worker.release()
        #expect(try worker.keys(count: 3) == [entries[0], entries[3], entries[2]].map(\.imageHash))
        #expect(loader.statistics.dropped == 1, "the oldest waiting request made room")
    }

    /// The keys of the `pictureReady` events that reach `inbox` within a few seconds, nil if none does.
    private func waitForReady(_ inbox: EventInbox) -> [String]? {
        for _ in 0..<500 {
            let keys = inbox.drain().compactMap { event -> String? in
                if case .pictureReady(let key) = event { return key }
                return nil
            }
            if !keys.isEmpty { return keys }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }
}

/// A history in a temporary directory, with real picture files.
private final class PictureHistory {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-pictures-\(UUID().uuidString)")
    let store: HistoryStore

    init() throws {
        store = try HistoryStore(directory: directory, appVersion: "test")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A recorded generation of one grey picture; a different `gray` is a different file.
    func add(gray: UInt8, size: Int = 16) throws -> HistoryEntry {
        let image = try #require(RGBAImage(width: size, height: size, red: gray, green: gray, blue: gray))
        let picture = GeneratedImage(
            data: try PNGCodec.encode(image), format: .png, size: ImageSize(width: size, height: size), seed: Int(gray), finishReason: .success)
        let request = GenerationRequest(prompt: "grey \(gray)", shape: .size(ImageSize(width: size, height: size)), seed: Int(gray))
        let result = GenerationResult(images: [picture], timings: GenerationTimings(total: .milliseconds(10)), stepsBilled: 1)
        return try #require(try store.record(request: request, backend: "test", result: result).first)
    }
}

/// A `ready` callback that holds the worker after its first picture until the test has queued the rest,
/// and records the keys in the order the worker finished them.
private final class HeldWorker: Sendable {
    private let keysDone = Mutex<[String]>([])
    private let held = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    var ready: @Sendable (String) -> Void {
        { [self] key in
            let isFirst = keysDone.withLock { keys in
                keys.append(key)
                return keys.count == 1
            }
            if isFirst {
                held.signal()
                released.wait()
            }
        }
    }

    func waitUntilHeld() throws {
        try #require(held.wait(timeout: .now() + 10) == .success, "the worker never reached its first picture")
    }

    func release() { released.signal() }

    /// The first `count` keys finished, waiting for them a few seconds at most.
    func keys(count: Int) throws -> [String?] {
        for _ in 0..<1000 where keysDone.withLock({ $0.count }) < count { Thread.sleep(forTimeInterval: 0.01) }
        let keys = keysDone.withLock { $0 }
        try #require(keys.count >= count, "only \(keys) finished")
        return Array(keys.prefix(count))
    }
}
