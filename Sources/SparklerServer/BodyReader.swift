import Foundation
import Hummingbird

/// Reads a request body whole, within the size limit (413) and the time limit (408), before the
/// request may take a place in the engine's line.
enum BodyReader {
    /// Refuses a body whose announced length is over the limit before any of it is read.
    static func checkDeclaredLength(_ contentLength: String?, configuration: ServerConfiguration) throws {
        if let declared = contentLength.flatMap({ Int($0) }), declared > configuration.maxBodyBytes {
            throw tooLarge(configuration)
        }
    }

    /// Iterates `body` from the start, whatever happens: a stream of the request body that nobody reads
    /// would hold up the connection.
    static func collect(_ body: RequestBody, configuration: ServerConfiguration) async throws -> Data {
        let (limit, timeout) = (configuration.maxBodyBytes, configuration.timeout)
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    throw tooLarge(configuration)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let buffer else {
            throw ServerError(
                status: .requestTimeout,
                message: "The request body did not arrive within \(timeout.components.seconds) s (sparkler serve --timeout-seconds)."
            )
        }
        return Data(buffer.readableBytesView)
    }

    /// The connection closes after it: what is left of the body is not worth reading, and a client that sends
    /// all of it before reading learns from the close that it may stop.
    private static func tooLarge(_ configuration: ServerConfiguration) -> ServerError {
        ServerError(
            status: .contentTooLarge,
            message: "The request body is larger than this server's limit of \(configuration.bodyLimitText) (sparkler serve --max-body-mb).",
            headers: [.connection: "close"]
        )
    }
}
