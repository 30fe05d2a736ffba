import Foundation

/// One `get_result` answer of FLUX Kontext's workflow: `{id, status, result, progress, details}`.
struct KontextOutcome: Equatable {
    enum State: Equatable {
        /// Not settled yet (`Pending`, or a status this client does not know, which it waits through).
        case waiting(fraction: Double?)
        /// `Ready`: the picture's signed URL, and the seed when the server says.
        case ready(sample: String, seed: Int?)
        case failed(FireworksError)
    }

    var status: String
    var state: State

    init(_ body: Data, requestID: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let status = object["status"] as? String
        else {
            throw FireworksError.unreadableAnswer("the answer to get_result has no status")
        }
        self.status = ServerText.clean(status)
        let details = Self.details(object["details"])
        switch status {
        case "Ready":
            guard let result = object["result"] as? [String: Any], let sample = result["sample"] as? String, !sample.isEmpty else {
                throw FireworksError.unreadableAnswer("the Ready answer to get_result has no result.sample")
            }
            state = .ready(sample: sample, seed: (result["seed"] as? NSNumber)?.intValue)
        case "Request Moderated":
            state = .failed(.moderated(.request, requestID: requestID, details: details))
        case "Content Moderated":
            state = .failed(.moderated(.content, requestID: requestID, details: details))
        case "Error":
            state = .failed(.workflowFailed(requestID: requestID, details: details))
        case "Task not found":
            state = .failed(.taskNotFound(requestID: requestID))
        default:
            let fraction = (object["progress"] as? NSNumber)?.doubleValue
            state = .waiting(fraction: fraction.map { min(max($0, 0), 1) })
        }
    }

    /// `details` as one line of text, whatever its shape (text, or an object with a message).
    private static func details(_ value: Any?) -> String? {
        switch value {
        case let text as String where !text.isEmpty:
            return ServerText.clean(text)
        case let object as [String: Any]:
            if let message = object["message"] as? String { return ServerText.clean(message) }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
            return ServerText.clean(String(decoding: data, as: UTF8.self))
        default:
            return nil
        }
    }
}
