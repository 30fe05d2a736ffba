import Synchronization

/// How many connections `serve` holds, in all and per peer address: a client that opens thousands
/// (slow or half-open, no key needed) gets the rest of its connections closed at once, and cannot take
/// the descriptors, the memory or the event loop from the others.
final class ConnectionLimiter: Sendable {
    let maxTotal: Int
    let maxPerPeer: Int
    private let held = Mutex(Held())

    private struct Held {
        var total = 0
        var byPeer: [String: Int] = [:]
    }

    init(maxTotal: Int, maxPerPeer: Int) {
        self.maxTotal = maxTotal
        self.maxPerPeer = maxPerPeer
    }

    /// Takes a place for a connection from `peer`; false when there is none, in all or for that peer.
    func admit(peer: String) -> Bool {
        held.withLock { held in
            let fromPeer = held.byPeer[peer, default: 0]
            guard held.total < maxTotal, fromPeer < maxPerPeer else { return false }
            held.total += 1
            held.byPeer[peer] = fromPeer + 1
            return true
        }
    }

    /// Gives back the place of a connection `admit` took.
    func release(peer: String) {
        held.withLock { held in
            held.total -= 1
            let left = held.byPeer[peer, default: 1] - 1
            held.byPeer[peer] = left > 0 ? left : nil
        }
    }
}
