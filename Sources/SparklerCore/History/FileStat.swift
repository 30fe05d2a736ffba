import Foundation

/// A file's size and modification time, from `stat` alone: FileManager's attributes also look up the owner's user
/// and group names (/etc/nsswitch.conf, /etc/passwd, /etc/group), which every history open paid for one date.
enum FileStat {
    static func modificationDate(of path: String) -> Date? {
        guard let info = status(path) else { return nil }
        #if os(Linux)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        return Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000)
    }

    static func size(of path: String) -> Int? {
        status(path).map { Int($0.st_size) }
    }

    private static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }
}
