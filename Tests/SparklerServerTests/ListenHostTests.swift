import Testing
@testable import SparklerServer

/// `serve --host`: loopback only is decided from the addresses a name resolves to, never from its text.
@Suite struct ListenHostTests {
    @Test(arguments: ["127.0.0.1", "127.8.9.10", "::1", "localhost", "::ffff:127.0.0.1"])
    func loopbackNamesAndAddressesResolveToLoopback(host: String) throws {
        let resolved = try ListenHost.resolve(host)
        #expect(resolved.isLoopback, "\(host) resolved to \(resolved.addresses)")
        #expect(ListenHost.isLoopbackAddress(resolved.bindAddress))
    }

    @Test(arguments: ["0.0.0.0", "::", "192.0.2.1", "2001:db8::1", "128.0.0.1", "::2"])
    func otherAddressesAreNotLoopback(host: String) throws {
        let resolved = try ListenHost.resolve(host)
        #expect(!resolved.isLoopback, "\(host) resolved to \(resolved.addresses)")
    }

    @Test func aNameThatLooksLikeLoopbackIsJudgedByWhereItResolves() throws {
        let resolver = HostResolver { name throws(HostResolutionError) in
            switch name {
            case "127.0.0.1.attacker.example": ["203.0.113.9"]
            case "half.example": ["127.0.0.1", "198.51.100.4"]
            case "home.example": ["127.0.0.1", "::1"]
            default: throw HostResolutionError(host: name, reason: "unknown in this test")
            }
        }
        #expect(try !ListenHost.resolve("127.0.0.1.attacker.example", using: resolver).isLoopback)
        #expect(try !ListenHost.resolve("half.example", using: resolver).isLoopback, "one address elsewhere is enough to need a key")
        let home = try ListenHost.resolve("home.example", using: resolver)
        #expect(home.isLoopback)
        #expect(home.bindAddress == "127.0.0.1", "the address checked is the one bound")
        #expect(throws: HostResolutionError(host: "nowhere.example", reason: "unknown in this test")) {
            try ListenHost.resolve("nowhere.example", using: resolver)
        }
    }
}
