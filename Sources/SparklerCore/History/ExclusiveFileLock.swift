import Foundation

/// An advisory lock shared by every process that opens the same history: while one opens (and
/// perhaps migrates) the database, another waits instead of racing it through the same migration.
enum ExclusiveFileLock {
    static func withLock<T>(at url: URL, _ body: () throws -> T) throws -> T {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw HistoryError.fileSystem(operation: "open", path: url.path, code: errno)
        }
        defer { close(descriptor) }  // closing releases the lock
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw HistoryError.fileSystem(operation: "lock", path: url.path, code: errno)
            }
        }
        return try body()
    }
}
