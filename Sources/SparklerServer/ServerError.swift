import Hummingbird
import SparklerCore

/// A request the server refuses or cannot serve: its status, the message for Fireworks' error body,
/// and any headers the answer needs (`Retry-After`, `Allow`, `WWW-Authenticate`).
struct ServerError: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    var description: String { "\(status.code) \(message)" }

    static func badRequest(_ message: String) -> ServerError {
        ServerError(status: .badRequest, message: message)
    }

    /// A value the model does not allow, named by its request field (`cfg_scale`, not the CLI's `cfg`).
    static func parameter(_ error: ParameterError, family: ModelFamily) -> ServerError {
        var named = error
        named.field = error.parameter?.wireName(for: family) ?? error.field
        return badRequest(named.description)
    }
}
