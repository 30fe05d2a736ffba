import Foundation
import SparklerCore

/// Writes a request's `-o` files before history records the pictures, so that neither a failure nor a
/// crash (kill -9) while history commits loses a picture that was paid for. Once history has recorded
/// them, files in an `-o` folder take their entry's name.
struct PictureDelivery {
    private enum Outcome {
        case written(String)
        case failed(path: String, reason: String)
    }

    private let files: OutputFiles
    /// By the picture's index among the request's pictures; none without `-o`.
    private let outcomes: [Int: Outcome]

    init(_ pictures: [StampedPicture], to files: OutputFiles) {
        self.files = files
        var outcomes: [Int: Outcome] = [:]
        for picture in pictures {
            guard let path = files.path(for: picture) else { continue }
            do {
                try picture.data.write(to: URL(fileURLWithPath: path), options: .atomic)
                outcomes[picture.index] = .written(path)
            } catch {
                outcomes[picture.index] = .failed(path: path, reason: FileProblem.words(for: error))
            }
        }
        self.outcomes = outcomes
    }

    /// What became of each file, for the message when history could not record the pictures.
    var report: [String] {
        outcomes.sorted { $0.key < $1.key }.map { _, outcome in
            switch outcome {
            case .written(let path): "Written to \(path)."
            case .failed(let path, let reason): "It could not be written to \(path) either: \(reason)."
            }
        }
    }

    /// Where the picture of `entry` (the `index`-th row recorded) ends up: its `-o` file when given, else
    /// its file in history.
    func path(of entry: HistoryEntry, index: Int, history: HistoryStore) throws -> String? {
        guard entry.outcome == .success, let stored = history.imageURL(for: entry) else { return nil }
        switch outcomes[index] {
        case nil:
            return stored.path
        case .failed(let path, let reason):
            throw CommandFailure.failed(
                "The picture is in history (id \(entry.id ?? 0)) but could not be written to \(path): \(reason). Use `sparkler history export` to try again.")
        case .written(let path):
            guard let named = files.path(for: entry, index: index), named != path else { return path }
            // Should the rename fail, the picture is still whole under its first name.
            return rename(path, named) == 0 ? named : path
        }
    }
}
