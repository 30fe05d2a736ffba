/// The completion of a path being typed, from the names in its directory.
public struct PathCompletion: Sendable, Equatable {
    /// The names (directories end with `/`) that start with what was typed.
    public var matches: [String]
    /// The typed path extended by the matches' longest common prefix.
    public var completed: String
    /// The typed path already names one file: nothing is left to complete, and Tab moves on.
    public var isFinished: Bool

    /// `typed` as the user wrote it; `entries` the names in its directory, directories ending with `/`.
    public init(typed: String, entries: [String]) {
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let showHidden = namePart.hasPrefix(".")
        matches = entries
            .filter { $0.hasPrefix(namePart) && (showHidden || !$0.hasPrefix(".")) }
            .sorted()
        isFinished = matches == [namePart]
        guard var common = matches.first else {
            completed = typed
            return
        }
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        completed = directoryPart + (common.count > namePart.count ? common : namePart)
    }
}
