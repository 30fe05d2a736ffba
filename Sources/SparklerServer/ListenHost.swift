import Foundation

/// The `--host` that `serve` listens on, as the system resolves it. Whether it is loopback only is decided
/// by the addresses, never by the name's text: `127.evil.example` may resolve anywhere.
public struct ListenHost: Sendable, Equatable {
    public let name: String
    /// Numeric addresses, in the resolver's order.
    public let addresses: [String]

    /// Every address it resolves to is this machine's own: `127.0.0.0/8`, `::1`, or an IPv4-mapped `127.x`.
    public var isLoopback: Bool { !addresses.isEmpty && addresses.allSatisfy(Self.isLoopbackAddress) }

    /// The address to bind: the one checked, so that the name is not resolved again (perhaps elsewhere).
    public var bindAddress: String { addresses[0] }

    public static func resolve(_ name: String, using resolver: HostResolver = .system) throws(HostResolutionError) -> ListenHost {
        let addresses = try resolver.addresses(name)
        guard !addresses.isEmpty else { throw HostResolutionError(host: name, reason: "it resolves to no address") }
        return ListenHost(name: name, addresses: addresses)
    }

    static func isLoopbackAddress(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let isOne = bytes[..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let isMappedV4Loopback = bytes[..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        return isOne || isMappedV4Loopback
    }
}

/// Turns a host name or address into numeric addresses; tests give names of their own.
public struct HostResolver: Sendable {
    public let addresses: @Sendable (String) throws(HostResolutionError) -> [String]

    public init(addresses: @escaping @Sendable (String) throws(HostResolutionError) -> [String]) {
        self.addresses = addresses
    }

    /// `getaddrinfo`, as the server's own bind would resolve the name (hosts file, DNS).
    public static let system = HostResolver { (host: String) throws(HostResolutionError) -> [String] in
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { throw HostResolutionError(host: host, reason: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var node = list
        while let entry = node?.pointee {
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.ai_addr, entry.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(address) { addresses.append(address) }
            }
            node = entry.ai_next
        }
        return addresses
    }
}

public struct HostResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let reason: String

    public var description: String { "--host \(host) cannot be resolved: \(reason)" }
}
