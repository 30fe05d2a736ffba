import Foundation

/// A file's modification time, from `stat` alone: FileManager's attributes also look up the owner's user and
/// group names (/etc/nsswitch.conf, /etc/passwd, /etc/group), which every history open paid for one date.
enum FileModificationDate {
    static func of(_ path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        return Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000)
    }
}
