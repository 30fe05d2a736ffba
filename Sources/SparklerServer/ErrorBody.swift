import Foundation
import Hummingbird

/// Fireworks' error answer: `{"error": {"object": "error", "type": "...", "message": "..."}}`, which both
/// the official client and Sparkler's own show to their users.
enum ErrorBody {
    static func response(for error: ServerError) -> Response {
        let type = error.status.code >= 500 ? "internal_server_error" : "invalid_request_error"
        let body = Body(error: Body.Detail(object: "error", type: type, message: error.message))
        var headers = error.headers
        headers[.contentType] = "application/json"
        // Encoding three strings cannot fail.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        return Response(status: error.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Any error a handler throws, as the status and message a client should see.
    static func response(for error: any Error) -> Response {
        switch error {
        case let error as ServerError:
            response(for: error)
        case let error as HTTPError where error.status == .notFound:
            response(for: ServerError(
                status: .notFound,
                message: "No such route. The Fireworks image API is served under /inference/v1; GET /inference/v1/models lists the models and their routes."
            ))
        case let error as any HTTPResponseError:
            response(for: ServerError(status: error.status, message: "\(error)"))
        case is CancellationError:
            response(for: ServerError(status: .serviceUnavailable, message: "The request was cancelled."))
        default:
            response(for: ServerError(status: .internalServerError, message: "\(error)"))
        }
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var object: String
            var type: String
            var message: String
        }

        var error: Detail
    }
}
