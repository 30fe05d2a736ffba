import Foundation

/// The status line's notifications: the current message and the session's log of every one shown, so none
/// is lost to the status line's single row (F2 opens the log).
public struct Notifications: Sendable, Equatable {
    public private(set) var current: StatusMessage
    /// Oldest first, at most `logLength`.
    public private(set) var log: [StatusMessage] = []
    static let logLength = 200

    public init(_ first: StatusMessage, at now: Date) {
        current = first
        current.postedAt = now
    }

    /// Shows `message`, stamped with `now`, and keeps it in the log.
    public mutating func post(_ message: StatusMessage, at now: Date) {
        var stamped = message
        stamped.postedAt = now
        current = stamped
        log.append(stamped)
        if log.count > Self.logLength { log.removeFirst(log.count - Self.logLength) }
    }

    /// The message to show now: the current one, or `idle` once the current one has faded.
    public func visible(at now: Date, idle: StatusMessage) -> StatusMessage {
        current.isExpired(at: now) ? idle : current
    }

    /// A message about the form has done its work once the form changes: `idle` replaces it.
    public mutating func formChanged(idle: StatusMessage, at now: Date) {
        guard current.source == .form else { return }
        post(idle, at: now)
    }
}
