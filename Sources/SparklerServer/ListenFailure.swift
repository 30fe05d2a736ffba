import Foundation

/// The server could not listen where it was asked to, in words: not NIO's `bind(descriptor:ptr:bytes:)` and errno.
public struct ListenFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// The `errno` of the failed bind.
    public let code: Int32

    public var description: String {
        let place = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        return switch code {
        case EADDRINUSE: "Cannot listen on \(place): another program already uses that port. Stop it, or choose another --port (0 picks a free one)."
        case EACCES: "Cannot listen on \(place): ports below 1024 need administrator rights. Choose --port 1024 or above."
        case EADDRNOTAVAIL: "Cannot listen on \(place): that address is not one of this machine's. Choose another --host."
        default: "Cannot listen on \(place): \(String(cString: strerror(code)))."
        }
    }
}
