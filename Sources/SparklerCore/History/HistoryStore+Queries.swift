import Foundation
import GRDB
import Synchronization

extension HistoryStore {
    /// One page of entries, newest first; see `HistoryQuery` for filters, search and paging.
    public func entries(_ query: HistoryQuery = HistoryQuery()) throws -> [HistoryEntry] {
        try database.read { try query.page.fetchAll($0) }
    }

    /// One page as `entries` gives it, except that a row this Sparkler cannot read (damaged by hand, or
    /// written by a newer release) is set aside with the reason instead of failing the whole page.
    public func page(_ query: HistoryQuery = HistoryQuery()) throws -> HistoryPage {
        try database.read { db in
            var page = HistoryPage()
            // A cursor's rows are decoded where they lie; fetchAll copied each one first (7 ms instead of 3 for a
            // search's page of 200 over 100,000 entries).
            let rows = try Row.fetchCursor(db, query.page)
            while let row = try rows.next() {
                page.rowCount += 1
                do {
                    page.entries.append(try HistoryEntry(row: row))
                } catch let error as HistoryError {
                    page.unreadable.append(error)
                }
            }
            return page
        }
    }

    /// How many entries match the query's filters and search (its paging is ignored).
    public func count(_ query: HistoryQuery = HistoryQuery()) throws -> Int {
        try database.read { try query.count.fetchOne($0) ?? 0 }
    }

    /// `page` and `count` side by side, the count on another reader of the pool: a search's count walks every
    /// match and takes about as long as the page (2.1 and 2.9 ms over 100,000 entries), and the history pane
    /// shows neither until it has both.
    public func pageAndCount(_ query: HistoryQuery) throws -> (page: HistoryPage, total: Int) {
        let counting = PendingCount()
        database.asyncRead { db in
            counting.finish(Result { try query.count.fetchOne(db.get()) ?? 0 })
        }
        let page = Result { try self.page(query) }
        let total = counting.wait()
        return (try page.get(), try total.get())
    }

    /// The prompts of the newest `limit` entries, newest first, each once: what Up recalls in the prompt field,
    /// read after every picture. The prompt column alone: whole entries decode their request documents too.
    public func recentPrompts(limit: Int) throws -> [String] {
        let prompts = try database.read {
            try HistoryEntry.select(HistoryEntry.Columns.prompt, as: String.self)
                .order(HistoryEntry.Columns.id.desc).limit(max(limit, 0)).fetchAll($0)
        }
        var seen = Set<String>()
        return prompts.filter { seen.insert($0).inserted }
    }

    public func entry(id: Int64) throws -> HistoryEntry? {
        try database.read { try HistoryEntry.fetchOne($0, key: id) }
    }

    /// The entries one request or one comparison made, in the order they were recorded.
    public func group(_ groupID: String) throws -> [HistoryEntry] {
        try database.read { db in
            try HistoryEntry
                .filter(HistoryEntry.Columns.groupID == groupID)
                .order(HistoryEntry.Columns.id)
                .fetchAll(db)
        }
    }

    /// The ids of the entries that edit entry `id`'s picture, oldest first: the next links of its chain.
    public func edits(of id: Int64) throws -> [Int64] {
        try database.read { db in
            try Int64.fetchAll(
                db, HistoryEntry.select(HistoryEntry.Columns.id).filter(HistoryEntry.Columns.editedEntryID == id).order(HistoryEntry.Columns.id))
        }
    }

    /// Where the entry's picture is on disk; nil for failed and filtered entries.
    public func imageURL(for entry: HistoryEntry) -> URL? {
        storedPicture(of: entry).map(images.url(for:))
    }

    /// The entry's picture, provenance included; nil for failed and filtered entries.
    public func imageData(for entry: HistoryEntry) throws -> Data? {
        try storedPicture(of: entry).map(images.read)
    }

    /// The entry's picture for a file named `path`: in the format its extension names (a `.png` name gets PNG
    /// bytes, converted if the picture is a JPEG), with its parameters embedded; as stored for other names.
    public func exportData(for entry: HistoryEntry, to path: String) throws -> Data? {
        guard let data = try imageData(for: entry) else { return nil }
        let wanted = ImageFormat(userValue: URL(fileURLWithPath: path).pathExtension)
        guard let wanted, let stored = ImageCodec.sniffFormat(data), wanted != stored else { return data }
        let converted = try ImageCodec.encode(try ImageCodec.decode(data), as: wanted, quality: 95)
        let provenance = entry.provenance(imageSize: entry.imageSize, appVersion: appVersion)
        return try provenance.embedded(in: converted)
    }

    /// The request that made the entry, its init or control image read back from the store: to run
    /// it again (`reusingSeed: true`, the same picture) or to load it into a form (`false`).
    public func request(for entry: HistoryEntry, reusingSeed: Bool = true) throws -> GenerationRequest {
        var inputImage: InputImage?
        if let hash = entry.inputImageHash, let fileExtension = entry.inputImageFormat {
            let file = StoredImageFile(hash: hash, fileExtension: fileExtension)
            inputImage = InputImage(data: try images.read(file), fileName: entry.request.mode.image?.fileName ?? "\(hash).\(fileExtension)")
        }
        return try entry.request(inputImage: inputImage, reusingSeed: reusingSeed)
    }

    private func storedPicture(of entry: HistoryEntry) -> StoredImageFile? {
        guard let hash = entry.imageHash, let format = entry.imageFormat else { return nil }
        return StoredImageFile(hash: hash, fileExtension: format.fileExtension)
    }
}

/// A page of history: the entries that could be read, and why the others could not.
public struct HistoryPage: Sendable, Equatable {
    public var entries: [HistoryEntry] = []
    public var unreadable: [HistoryError] = []
    /// Rows the page held, read or not: what paging counts.
    public var rowCount = 0

    public init() {}
}

/// A count read on another thread, waited for.
private final class PendingCount: Sendable {
    private let result = Mutex<Result<Int, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ counted: Result<Int, any Error>) {
        result.withLock { $0 = counted }
        done.signal()
    }

    func wait() -> Result<Int, any Error> {
        done.wait()
        return result.withLock { $0! }
    }
}
