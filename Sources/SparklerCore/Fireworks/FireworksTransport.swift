import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// What went wrong below HTTP status codes.
enum TransportFailure: Error, Sendable, Equatable {
    case timedOut
    /// Nothing reached the server: it is safe to try again.
    case cannotConnect(String)
    /// The host name does not resolve: a mistyped base URL, which trying again will not mend.
    case hostNotFound
    /// The connection closed before the answer began; the server may have done the work.
    case connectionLost(String)
    case answerCutShort(received: Int, expected: Int?)
    case answerTooLarge(limit: Int)
    /// The secure connection could not be made, in words (`TLSFailure`); trying again will not mend it.
    case insecure(String)
    case other(String)

    /// The same failure with every occurrence of `secret` in its text replaced, as written and as Swift escapes it
    /// when it describes an error that quotes a string (a line break shows as `\\n` there).
    func hiding(_ secret: String) -> TransportFailure {
        guard !secret.isEmpty else { return self }
        let escaped = String(String(reflecting: secret).dropFirst().dropLast())
        func hide(_ text: String) -> String {
            text.replacingOccurrences(of: secret, with: "<hidden>").replacingOccurrences(of: escaped, with: "<hidden>")
        }
        return switch self {
        case .cannotConnect(let detail): .cannotConnect(hide(detail))
        case .connectionLost(let detail): .connectionLost(hide(detail))
        case .other(let detail): .other(hide(detail))
        case .timedOut, .hostNotFound, .answerCutShort, .answerTooLarge, .insecure: self
        }
    }
}

/// Sends one request over AsyncHTTPClient and reads the whole answer within the request timeout.
/// Owns its `HTTPClient`, so the connect timeout can be set and the pool can be shut down.
final class FireworksTransport: Sendable {
    static let maxAnswerBytes = 64 << 20

    private let client: HTTPClient
    private let requestTimeout: Duration

    init(connectTimeout: Duration, requestTimeout: Duration) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: Self.timeAmount(connectTimeout), read: nil)
        // Redirects could carry the Authorization header elsewhere; Fireworks does not redirect.
        configuration.redirectConfiguration = .disallow
        // Fail fast on connection errors so that the backend's own retries (which report progress) handle them.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.requestTimeout = requestTimeout
    }

    deinit {
        // Shutting down twice only reports `alreadyShutdown`, which is fine to ignore.
        client.shutdown { _ in }
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Throws `TransportFailure`, or `CancellationError` when the calling task is cancelled.
    func send(_ request: EncodedRequest) async throws -> ReceivedResponse {
        if let header = request.headers.first(where: { !$0.canBeSent }) {
            throw TransportFailure.other("the \(header.name) header holds a line break or another control character, so nothing was sent")
        }
        do {
            return try await withThrowingTaskGroup(of: ReceivedResponse.self) { group in
                group.addTask { try await self.exchange(request) }
                group.addTask {
                    try await Task.sleep(for: self.requestTimeout)
                    throw TransportFailure.timedOut
                }
                defer { group.cancelAll() }
                guard let response = try await group.next() else { throw CancellationError() }
                return response
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw (error as? TransportFailure ?? Self.classify(error)).hiding(request.secret)
        }
    }

    private func exchange(_ request: EncodedRequest) async throws -> ReceivedResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = request.method == "GET" ? .GET : .POST
        for header in request.headers {
            http.headers.add(name: header.name, value: header.value)
        }
        if http.method == .POST { http.body = .bytes(request.body) }
        let response = try await client.execute(http, timeout: Self.timeAmount(requestTimeout))

        let expected = response.headers.first(name: "content-length").flatMap { Int($0) }
        var body = Data()
        do {
            for try await chunk in response.body {
                body.append(contentsOf: chunk.readableBytesView)
                if body.count > Self.maxAnswerBytes { throw TransportFailure.answerTooLarge(limit: Self.maxAnswerBytes) }
            }
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw TransportFailure.answerCutShort(received: body.count, expected: expected)
        }
        // The body sequence simply ends when the task is cancelled; that is not a complete answer.
        try Task.checkCancellation()
        if let expected, body.count < expected {
            throw TransportFailure.answerCutShort(received: body.count, expected: expected)
        }

        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            let key = name.lowercased()
            headers[key] = headers[key].map { "\($0), \(value)" } ?? value
        }
        return ReceivedResponse(
            status: Int(response.status.code), reason: response.status.reasonPhrase, headers: headers, body: body
        )
    }

    static func classify(_ error: any Error) -> TransportFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout: return .timedOut
            case .connectTimeout: return .cannotConnect("connection timed out")
            case .remoteConnectionClosed: return .connectionLost("the server closed the connection")
            case .tlsHandshakeTimeout: return .insecure("the secure handshake timed out")
            default: return .other(String(describing: error))
            }
        }
        if let reason = TLSFailure.reason(for: error) {
            return .insecure(reason)
        }
        if let error = error as? NIOConnectionError {
            let first = error.connectionErrors.first?.error
            if error.dnsAError != nil || error.dnsAAAAError != nil, first == nil {
                return .hostNotFound
            }
            return .cannotConnect(first.map(describeSocketError) ?? "no address to connect to")
        }
        if case ChannelError.connectTimeout = error {
            return .cannotConnect("connection timed out")
        }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return .cannotConnect(describeSocketError(error))
        }
        if let error = error as? IOError, [ECONNRESET, EPIPE].contains(error.errnoCode) {
            return .connectionLost(describeSocketError(error))
        }
        return .other(String(describing: error))
    }

    private static func describeSocketError(_ error: any Error) -> String {
        guard let error = error as? IOError else { return String(describing: error) }
        switch error.errnoCode {
        case ECONNREFUSED: return "connection refused"
        case ECONNRESET: return "connection reset"
        case ETIMEDOUT: return "connection timed out"
        case ENETUNREACH, EHOSTUNREACH: return "network unreachable"
        default: return String(cString: strerror(error.errnoCode))
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
