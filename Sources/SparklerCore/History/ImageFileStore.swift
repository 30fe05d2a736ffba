import Foundation

/// Pictures on disk, content-addressed: `images/ab/<sha256>.<ext>`.
///
/// A file appears under its final name only by an atomic rename after its bytes are synced, so a
/// crash at any point leaves either the whole file or nothing there (plus, at worst, a temporary file
/// in `images/tmp` that the next open sweeps away).
struct ImageFileStore: Sendable {
    let root: URL

    init(root: URL) {
        self.root = root
    }

    var temporaryDirectory: URL { root.appending(path: "tmp") }

    func url(for file: StoredImageFile) -> URL {
        root.appending(path: file.relativePath)
    }

    func contains(_ file: StoredImageFile) -> Bool {
        FileManager.default.fileExists(atPath: url(for: file).path)
    }

    /// Stores `data` under its hash; an identical file already there is reused.
    func store(_ data: Data, fileExtension: String) throws -> StoredImageFile {
        let file = StoredImageFile(contents: data, fileExtension: fileExtension)
        try ensureStored(data, as: file)
        return file
    }

    /// Writes `data` as `file` unless it is there already.
    func ensureStored(_ data: Data, as file: StoredImageFile) throws {
        guard !contains(file) else { return }
        let destination = url(for: file)
        let folder = destination.deletingLastPathComponent()
        let temporary = temporaryDirectory.appending(path: TemporaryImageFiles.newName())
        do {
            try Self.writeSynced(data, to: temporary)
            try Self.createDirectory(folder)
            guard rename(temporary.path, destination.path) == 0 else {
                throw HistoryError.fileSystem(operation: "move a picture into", path: destination.path, code: errno)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        Self.syncDirectory(folder)
    }

    func read(_ file: StoredImageFile) throws -> Data {
        let url = url(for: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HistoryError.missingImageFile(path: url.path)
        }
        return try Data(contentsOf: url)
    }

    /// Every file stored under its hash, with when it was last written; other files are not listed.
    func storedFiles() -> [(file: StoredImageFile, modified: Date)] {
        let manager = FileManager.default
        let shards = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        return shards.filter { $0.count == 2 }.flatMap { shard in
            let names = (try? manager.contentsOfDirectory(atPath: root.appending(path: shard).path)) ?? []
            return names.compactMap { name -> (file: StoredImageFile, modified: Date)? in
                guard let file = StoredImageFile(relativePath: "\(shard)/\(name)"),
                      let modified = FileStat.modificationDate(of: url(for: file).path)
                else { return nil }
                return (file, modified)
            }
        }
    }

    func remove(_ file: StoredImageFile) {
        try? FileManager.default.removeItem(at: url(for: file))
    }

    /// Creates the temporary folder, and removes what writers that died left in it.
    func prepareTemporaryFolder() throws {
        try Self.createDirectory(temporaryDirectory)
        TemporaryImageFiles.removeAbandoned(in: temporaryDirectory)
    }

    private static func createDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    private static func writeSynced(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HistoryError.fileSystem(operation: "create", path: url.path, code: errno)
        }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw HistoryError.fileSystem(operation: "write", path: url.path, code: errno)
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else {
            throw HistoryError.fileSystem(operation: "sync", path: url.path, code: errno)
        }
    }

    /// Makes the rename itself durable; a failure here loses nothing that is not recoverable.
    private static func syncDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
