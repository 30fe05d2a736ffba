/// A Fireworks model name: account plus model, as in `accounts/fireworks/models/playground-v2-1024px-aesthetic`.
public struct ModelID: Sendable, Hashable, CustomStringConvertible {
    public var account: String
    public var name: String

    public init(account: String, name: String) {
        self.account = account
        self.name = name
    }

    /// Accepts the short name (account `fireworks`) or the full `accounts/A/models/M` path.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where !parts[0].isEmpty:
            self.init(account: "fireworks", name: parts[0])
        case 4 where parts[0] == "accounts" && parts[2] == "models" && !parts[1].isEmpty && !parts[3].isEmpty:
            self.init(account: parts[1], name: parts[3])
        default:
            return nil
        }
    }

    /// The path that URLs and history use.
    public var path: String { "accounts/\(account)/models/\(name)" }
    public var description: String { path }
}
