import Foundation
import SparklerCore

/// Where `-o` puts each picture: the path itself for one picture, numbered names for several,
/// or files named after the history entry inside an existing directory.
struct OutputFiles {
    private enum Target {
        case none
        case directory(String)
        case file(String)
    }

    private let target: Target
    private let count: Int

    init(path: String?, count: Int) throws {
        self.count = count
        guard let path else {
            target = .none
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            try Self.checkWritable(folder: path)
            target = .directory(path)
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent) else {
            throw CommandFailure.usage("The folder \(parent) given in -o does not exist; create it first.")
        }
        try Self.checkWritable(folder: parent)
        target = .file(path)
    }

    /// Creates and removes a file in `folder`: permissions, a read-only file system, a full disk's inodes,
    /// whatever would stop the picture, is found before the request is paid for.
    private static func checkWritable(folder: String) throws {
        let probe = URL(fileURLWithPath: folder).appendingPathComponent(".sparkler-write-check-\(UUID().uuidString)").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CommandFailure.usage("The folder \(folder) given in -o cannot be written (\(reason)); choose another before anything is paid for.")
        }
        close(descriptor)
        unlink(probe)
    }

    /// The file for a picture before history records it: in an `-o` folder it is named as unrecorded, which
    /// it stays should history fail to record it.
    func path(for picture: StampedPicture) -> String? {
        path(index: picture.index, fileExtension: picture.format.fileExtension, nameInDirectory: "sparkler-unrecorded-\(picture.seed)")
    }

    /// The file for the `index`-th picture of the request once history recorded it as `entry`.
    func path(for entry: HistoryEntry, index: Int) -> String? {
        path(index: index, fileExtension: (entry.imageFormat ?? entry.request.format).fileExtension,
             nameInDirectory: "sparkler-\(entry.id ?? 0)-\(entry.seed ?? 0)")
    }

    private func path(index: Int, fileExtension: String, nameInDirectory: String) -> String? {
        switch target {
        case .none:
            return nil
        case .directory(let directory):
            return URL(fileURLWithPath: directory).appendingPathComponent("\(nameInDirectory).\(fileExtension)").path
        case .file(let path) where count == 1:
            return path
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension.isEmpty ? fileExtension : url.pathExtension
            return "\(url.deletingPathExtension().path)-\(index + 1).\(ext)"
        }
    }
}
