import Synchronization

/// Where effects running on other threads leave their results for the UI thread to pick up.
public final class EventInbox: Sendable {
    private let pending = Mutex<[AppEvent]>([])

    public init() {}

    public func send(_ event: AppEvent) {
        pending.withLock { $0.append(event) }
    }

    /// Everything sent since the last call, oldest first.
    public func drain() -> [AppEvent] {
        pending.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
