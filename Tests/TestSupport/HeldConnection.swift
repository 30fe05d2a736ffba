import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection a test opens and holds, from a loopback address of its choice (the server sees each
/// 127.x address as a peer of its own), to send part of a request, or nothing, and see what the server does.
public final class HeldConnection: Sendable {
    public struct Failure: Error {
        public var call: String
        public var code: Int32
    }

    private let socket: Int32

    public init(port: Int, from source: String = "127.0.0.1") throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(call: "socket", code: errno) }
        do {
            try Self.call("bind") { Self.withAddress(source, port: 0) { bind(socket, $0, $1) } }
            try Self.call("connect") { Self.withAddress("127.0.0.1", port: port) { connect(socket, $0, $1) } }
        } catch {
            Glibc.close(socket)
            throw error
        }
    }

    deinit { Glibc.close(socket) }

    public func send(_ text: String) throws {
        guard sendUnlessClosed(text) else { throw Failure(call: "send", code: errno) }
    }

    /// Sends all of `data` before anything is read, as simple clients do; false when the server closed the
    /// connection first, nil when it stopped reading and the bytes could not be sent within `bound`.
    public func sendAll(_ data: Data, bound: Duration = .seconds(60)) async -> Bool? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in continuation.resume(returning: blockingSendAll(data, bound: bound)) }
        }
    }

    private func blockingSendAll(_ data: Data, bound: Duration) -> Bool? {
        let deadline = ContinuousClock.now + bound
        var sent = 0
        while sent < data.count {
            guard ContinuousClock.now < deadline else { return nil }
            var poller = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = data[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if count > 0 {
                sent += count
            } else if count == -1 && (errno == EAGAIN || errno == EINTR) {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Sends `text`; false when the server had already closed the connection (a reset or a broken pipe).
    public func sendUnlessClosed(_ text: String) -> Bool {
        let data = Data(text.utf8)
        return data.withUnsafeBytes({ Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == data.count
    }

    /// Everything the server sends until it closes the connection; nil when it is still open after `bound`
    /// (a failure-only bound: a passing test never waits for it). Blocks a thread of its own.
    public func readUntilClosed(bound: Duration = .seconds(60)) async -> String? {
        await read(until: nil, bound: bound)
    }

    /// What the server sent once it holds `marker` (the connection stays open), or everything it sent before
    /// closing the connection; nil when neither happened within `bound`.
    public func read(until marker: String?, bound: Duration = .seconds(60)) async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in continuation.resume(returning: blockingRead(until: marker, bound: bound)) }
        }
    }

    private func blockingRead(until marker: String?, bound: Duration) -> String? {
        let deadline = ContinuousClock.now + bound
        var reply = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            if let marker, String(decoding: reply, as: UTF8.self).contains(marker) { return String(decoding: reply, as: UTF8.self) }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 {
                reply.append(contentsOf: buffer[0..<count])
                continue
            }
            if count == -1 && errno == EINTR { continue }
            return String(decoding: reply, as: UTF8.self)  // closed: an orderly end or a reset
        }
        return nil
    }

    private static func call(_ name: String, _ body: () -> Int32) throws {
        guard body() == 0 else { throw Failure(call: name, code: errno) }
    }

    private static func withAddress(_ host: String, port: Int, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }
}
