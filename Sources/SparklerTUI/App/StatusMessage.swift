import Foundation

/// The status line's notification: what just happened and what to do next, how serious it is, what it
/// is about, and how long it stays. Information fades after a few seconds, so a message never outlives
/// what it describes; an error stays until something replaces it.
public struct StatusMessage: Sendable, Equatable {
    /// Severity.
    public enum Kind: Sendable, Equatable {
        case info, success, warning, error
    }

    /// What the message is about: a message about the form goes once the form changes.
    public enum Source: Sendable, Equatable {
        case general, generation, form, history, comparison
    }

    public var text: String
    public var kind: Kind
    public var source: Source
    /// When the state first showed it (set by `AppState`).
    public var postedAt: Date?

    public init(_ text: String, kind: Kind = .info, source: Source = .general) {
        self.text = text
        self.kind = kind
        self.source = source
    }

    /// How long it stays; nil: until replaced.
    public var lifetime: TimeInterval? {
        switch kind {
        case .info: 8
        case .success: 15
        case .warning: 30
        case .error: nil
        }
    }

    public func isExpired(at now: Date) -> Bool {
        guard let lifetime, let postedAt else { return false }
        return now.timeIntervalSince(postedAt) > lifetime
    }
}
