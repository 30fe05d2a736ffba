import ServiceLifecycle
import Synchronization

/// Stops a running `ImageServer` as SIGTERM does: no new connections, the running picture finishes. Tests
/// stop their servers this way because cancelling the serving task instead can trap inside NIO when a
/// connection is being accepted at that moment ("Deinited NIOAsyncWriter without calling finish()",
/// swift-nio #3481).
public final class ServerStop: Sendable {
    private let group = Mutex<ServiceGroup?>(nil)

    public init() {}

    func attach(_ serviceGroup: ServiceGroup) {
        group.withLock { $0 = serviceGroup }
    }

    /// Starts the shutdown; returns at once (the serving task ends when it is done).
    public func now() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }
}
