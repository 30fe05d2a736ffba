/// An unknown prompt word read as a known one it is close to, said to the user: `sunlit → sunny`.
public struct WordMapping: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// A listed word with the same meaning here.
        case synonym
        /// The plural or singular of a known word.
        case form
        /// A typing slip: a letter missing, doubled or swapped.
        case spelling
    }

    public var from: String
    public var to: String
    public var reason: Reason

    public init(from: String, to: String, reason: Reason) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    public var description: String { "\(from) → \(to)" }
}
