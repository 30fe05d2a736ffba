import Synchronization

/// A barrier a test opens when it is ready: answers held on it (`Behaviour.held`) go out then, so an order
/// of answers follows what the client has done rather than a delay a loaded machine may stretch.
public final class Gate: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [@Sendable () -> Void])>((false, []))

    public init() {}

    public func open() {
        let waiters = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.isOpen else { return [] }
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0() }
    }

    /// Runs `action` once the gate is open (at once if it is).
    func whenOpen(_ action: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.isOpen { return true }
            state.waiters.append(action)
            return false
        }
        if now { action() }
    }
}
