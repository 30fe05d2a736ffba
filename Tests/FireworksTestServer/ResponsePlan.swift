import Foundation

/// What the connection handler does with one request.
indirect enum ResponsePlan: Sendable {
    case respond(status: Int, headers: [String: String], body: Data)
    /// Announce `body.count` bytes, send only the first `sendBytes`, then close.
    case cutShort(status: Int, headers: [String: String], body: Data, sendBytes: Int)
    case hang
    case after(Duration, ResponsePlan)
    case whenOpen(Gate, ResponsePlan)

    static func json(status: Int, _ object: Any, headers: [String: String] = [:]) -> ResponsePlan {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return .respond(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: body)
    }

    /// A Fireworks-style error body: `{"error": {...}, "structured_error": {...}}`.
    static func error(status: Int, message: String, headers: [String: String] = [:]) -> ResponsePlan {
        let type = status == 401 ? "authentication_error" : status == 429 ? "rate_limit_error" : "invalid_request_error"
        return json(
            status: status,
            [
                "error": ["object": "error", "type": type, "code": String(status), "message": message],
                "structured_error": ["code": status, "message": message],
            ],
            headers: headers
        )
    }
}
