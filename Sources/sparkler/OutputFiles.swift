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
            target = .directory(path)
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent) else {
            throw CommandFailure.usage("The folder \(parent) given in -o does not exist; create it first.")
        }
        target = .file(path)
    }

    /// The file for the `index`-th picture of the request, nil when no `-o` was given.
    func path(for entry: HistoryEntry, index: Int) -> String? {
        let fileExtension = (entry.imageFormat ?? entry.request.format).fileExtension
        switch target {
        case .none:
            return nil
        case .directory(let directory):
            return URL(fileURLWithPath: directory)
                .appendingPathComponent("sparkler-\(entry.id ?? 0)-\(entry.seed ?? 0).\(fileExtension)").path
        case .file(let path) where count == 1:
            return path
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension.isEmpty ? fileExtension : url.pathExtension
            return "\(url.deletingPathExtension().path)-\(index + 1).\(ext)"
        }
    }
}
