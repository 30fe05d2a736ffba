import Foundation

/// A request that made its pictures, which history could not record: where copies of them were kept instead.
public struct PicturesNotRecorded: Error, CustomStringConvertible {
    /// Why history could not store them, in words.
    public let storageProblem: String
    /// The backend's answer, as it came.
    public let result: GenerationResult
    /// The pictures the backend made, parameters embedded.
    public let pictures: [StampedPicture]
    public let billed: Bool
    /// The recovery copies of `pictures`, or why none could be kept.
    public let recovered: Result<[URL], PictureRecoveryError>

    public var description: String {
        let made = billed ? "The picture was made and billed" : "The picture was made"
        let head = "\(made), but history could not record it: \(storageProblem)"
        switch recovered {
        case .success(let files) where files.isEmpty:
            return "\(head) No picture came back to keep (the safety check filtered it)."
        case .success(let files):
            let paths = files.map(\.path).joined(separator: ", ")
            return "\(head) A copy is kept at \(paths); `sparkler history import` adds it to history once history can be written again."
        case .failure(let error):
            return "\(head) No copy could be kept either: \(error)."
        }
    }

    /// A storage failure in words: history's own errors say what to do; anything else is reduced to the
    /// system's reason, without Foundation's error dump.
    static func words(for error: any Error) -> String {
        let text = (error as? HistoryError)?.description ?? FileProblem.words(for: error) + "."
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
