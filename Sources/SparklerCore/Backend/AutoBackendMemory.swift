import Foundation

/// Remembers which backend `auto` last picked (`$XDG_STATE_HOME/sparkler/auto-backend`), so that the
/// offline notice is said when it is news, not on every command: the first time the offline engine stands
/// in for a missing key, and again after a run that used Fireworks (a key that has since gone missing).
/// `sparkler doctor` says which backend runs at any time.
public struct AutoBackendMemory: Sendable {
    public let file: URL

    public init(stateDirectory: URL) {
        file = stateDirectory.appendingPathComponent("auto-backend")
    }

    /// Notes that `auto` picked `provider`; true when that is news. Best effort: a state folder that cannot
    /// be read counts as no memory, and one that cannot be written means the notice is said again next time
    /// rather than lost.
    public func note(_ provider: ModelProvider) -> Bool {
        let last = (try? String(contentsOf: file, encoding: .utf8))
            .flatMap { ModelProvider(rawValue: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard provider != last else { return false }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((provider.rawValue + "\n").utf8).write(to: file, options: .atomic)
        return true
    }
}
