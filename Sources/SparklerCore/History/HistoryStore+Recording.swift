import Foundation
import GRDB

extension HistoryStore {
    /// Records what a validated request made: one row per picture, all in one transaction. Pictures the
    /// safety filter replaced are recorded as `filtered`, without their placeholder image.
    ///
    /// Each stored picture carries its provenance, and is on disk (synced) before its row commits.
    @discardableResult
    public func record(
        request: GenerationRequest, backend: String, result: GenerationResult, cost: Money? = nil, editing: Int64? = nil,
        groupID: String = HistoryEntry.newGroupID(), createdAt: Date = Date()
    ) throws -> [HistoryEntry] {
        try requireWritable()
        let input = try storeInputImage(of: request.mode)
        var template = HistoryEntry(
            request: request, backend: backend, groupID: groupID, createdAt: createdAt,
            outcome: .success, inputImage: input?.file
        )
        template.setTimings(result.timings)
        template.remoteRequestID = result.requestID
        template.editedEntryID = editing

        let shares = Self.split(result.stepsBilled, into: result.images.count)
        let costs = cost.map { Self.split($0.micros, into: result.images.count) } ?? Array(repeating: nil, count: result.images.count)
        var entries: [HistoryEntry] = []
        var files = input.map { [$0] } ?? []
        for ((image, share), costShare) in zip(zip(result.images, shares), costs) {
            var entry = template
            entry.seed = image.seed
            entry.stepsBilled = share
            entry.costMicros = costShare
            if image.finishReason == .success {
                files.append(try storePicture(image, for: &entry))
            } else {
                entry.outcome = .filtered
            }
            entries.append(entry)
        }
        return try insert(entries, files: files)
    }

    /// Records a request that failed: its parameters (input image included, so it can be tried again)
    /// and the message, without a picture.
    @discardableResult
    public func recordFailure(
        request: GenerationRequest, backend: String, message: String, timings: GenerationTimings? = nil,
        outcome: HistoryEntry.Outcome = .failed, remoteRequestID: String? = nil, editing: Int64? = nil,
        groupID: String = HistoryEntry.newGroupID(), createdAt: Date = Date()
    ) throws -> HistoryEntry {
        try requireWritable()
        let input = try storeInputImage(of: request.mode)
        var entry = HistoryEntry(
            request: request, backend: backend, groupID: groupID, createdAt: createdAt,
            outcome: outcome, inputImage: input?.file
        )
        entry.errorMessage = message
        entry.remoteRequestID = remoteRequestID
        entry.editedEntryID = editing
        if let timings { entry.setTimings(timings) }
        return try insert([entry], files: input.map { [$0] } ?? [])[0]
    }

    /// Records a PNG or JPEG file that Sparkler made (here or elsewhere) from the provenance embedded
    /// in it, and stores the file as it is. A file already in history (the same bytes) is not added twice:
    /// its entry comes back (`isNew` false).
    public func importImage(at url: URL) throws -> HistoryEntry {
        try importPicture(at: url).entry
    }

    /// As `importImage`, saying whether the picture was new to history.
    public func importPicture(at url: URL) throws -> (entry: HistoryEntry, isNew: Bool) {
        try requireWritable()
        let data: Data
        let provenance: ImageProvenance?
        let format: ImageFormat
        do {
            data = try Data(contentsOf: url)
            provenance = try ImageProvenance.read(from: data)
            format = try ImageProvenance.containerFormat(of: Array(data.prefix(8)))
        } catch let error as ImageMetadataError {
            throw HistoryError.unreadableImport(path: url.path, reason: error.description)
        } catch {
            throw HistoryError.unreadableImport(path: url.path, reason: FileProblem.words(for: error))
        }
        guard let provenance else { throw HistoryError.noProvenance(path: url.path) }

        var entry = HistoryEntry(provenance: provenance, groupID: HistoryEntry.newGroupID())
        if let hash = provenance.inputImageHash, let fileExtension = provenance.inputImageFormat,
           images.contains(StoredImageFile(hash: hash, fileExtension: fileExtension)) {
            entry.inputImageHash = hash
            entry.inputImageFormat = fileExtension
        }
        let picture = PendingFile(data: data, file: try images.store(data, fileExtension: format.fileExtension))
        let existing = try database.read { db in
            try HistoryEntry.filter(HistoryEntry.Columns.imageHash == picture.file.hash).order(HistoryEntry.Columns.id).fetchOne(db)
        }
        if let existing { return (existing, false) }
        entry.imageHash = picture.file.hash
        entry.imageFormat = format
        return (try insert([entry], files: [picture])[0], true)
    }

    // MARK: - Steps

    /// Bytes kept in memory until their rows commit, to write again should a concurrent delete have
    /// removed an identical file in the meantime.
    private struct PendingFile {
        var data: Data
        var file: StoredImageFile
    }

    private func storeInputImage(of mode: GenerationMode) throws -> PendingFile? {
        guard let image = mode.image else { return nil }
        let file = try images.store(image.data, fileExtension: StoredImageFile.fileExtension(sniffing: image.data))
        return PendingFile(data: image.data, file: file)
    }

    private func storePicture(_ image: GeneratedImage, for entry: inout HistoryEntry) throws -> PendingFile {
        let provenance = entry.provenance(imageSize: image.size, appVersion: appVersion)
        // The picture matters more than its label: bytes this parser cannot follow are kept as they came.
        let data = (try? provenance.embedded(in: image.data)) ?? image.data
        let file = try images.store(data, fileExtension: image.format.fileExtension)
        entry.imageHash = file.hash
        entry.imageFormat = image.format
        entry.imageWidth = image.size.width
        entry.imageHeight = image.size.height
        return PendingFile(data: data, file: file)
    }

    /// Inserts the rows in one transaction. Under its write lock no other process can delete a file
    /// between the check that it is there and the commit of the rows that name it.
    private func insert(_ entries: [HistoryEntry], files: [PendingFile]) throws -> [HistoryEntry] {
        do {
            return try database.write { db in
                for pending in files {
                    try images.ensureStored(pending.data, as: pending.file)
                }
                return try entries.map { entry in
                    var inserted = entry
                    try inserted.insert(db)
                    return inserted
                }
            }
        } catch let error as DatabaseError {
            throw HistoryError.databaseWrite(path: database.path, problem: HistoryDatabaseProblem.describe(error))
        }
    }

    /// Splits a request's billed steps over its pictures so that the rows add up to the total.
    static func split(_ total: Int, into count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
    }
}

extension HistoryEntry {
    fileprivate mutating func setTimings(_ timings: GenerationTimings) {
        totalMilliseconds = timings.total.wholeMilliseconds
        attempts = timings.attempts
        serverMilliseconds = timings.server?.wholeMilliseconds
    }
}

extension Duration {
    fileprivate var wholeMilliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
