import Foundation

/// Names of images being written, and the sweep that removes those whose writer died.
///
/// A writer puts its process id first in the name, so a later process can tell a file that is still
/// being written (its writer is alive) from one left behind by a crash or a SIGKILL.
enum TemporaryImageFiles {
    static let suffix = ".part"

    static func newName(pid: Int32 = getpid()) -> String {
        "\(pid)-\(UUID().uuidString)\(suffix)"
    }

    static func writerPID(ofFileNamed name: String) -> Int32? {
        guard name.hasSuffix(suffix), let dash = name.firstIndex(of: "-") else { return nil }
        return Int32(name[..<dash])
    }

    /// `kill(pid, 0)` checks for a process without signalling it; EPERM means it lives under another user.
    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Removes the files in `directory` whose writer is gone. Files of live writers, and files with
    /// names this store never writes, are left alone.
    static func removeAbandoned(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names {
            guard let pid = writerPID(ofFileNamed: name), !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(at: directory.appending(path: name))
        }
    }
}
