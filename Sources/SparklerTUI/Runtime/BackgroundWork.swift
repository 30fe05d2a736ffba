import Foundation

/// Runs work off the UI thread and reports a failure to the status line as "Cannot `what`: why".
struct BackgroundWork: Sendable {
    let inbox: EventInbox

    func run(_ what: String, _ work: @escaping @Sendable () throws -> Void) {
        Task.detached { [inbox] in
            do {
                try work()
            } catch {
                inbox.send(.actionFinished(message: "Cannot \(what): \(error)", isError: true, reload: false))
            }
        }
    }
}
