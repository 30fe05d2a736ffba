import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// The server's shared state: what to do next, what was received, which connections are open.
final class ServerCore: Sendable {
    private struct State {
        var queue: [Behaviour] = []
        var defaultBehaviour: Behaviour = .answer()
        var requests: [RecordedRequest] = []
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    let responder: ContractResponder
    private let state = NIOLockedValueBox(State())

    init(responder: ContractResponder) {
        self.responder = responder
    }

    func enqueue(_ behaviours: [Behaviour]) {
        state.withLockedValue { $0.queue.append(contentsOf: behaviours) }
    }

    func setDefault(_ behaviour: Behaviour) {
        state.withLockedValue { $0.defaultBehaviour = behaviour }
    }

    var requests: [RecordedRequest] {
        state.withLockedValue { $0.requests }
    }

    func clearRequests() {
        state.withLockedValue { $0.requests.removeAll() }
    }

    /// Records the request and decides the answer: the next queued behaviour, else the default.
    func receive(_ request: RecordedRequest) -> ResponsePlan {
        let behaviour = state.withLockedValue { state in
            state.requests.append(request)
            return state.queue.isEmpty ? state.defaultBehaviour : state.queue.removeFirst()
        }
        return responder.plan(for: request, behaviour: behaviour)
    }

    func opened(_ channel: any Channel) {
        state.withLockedValue { $0.connections[ObjectIdentifier(channel)] = channel }
    }

    func closed(_ channel: any Channel) {
        _ = state.withLockedValue { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func takeConnections() -> [any Channel] {
        state.withLockedValue { state in
            defer { state.connections.removeAll() }
            return Array(state.connections.values)
        }
    }
}
