import Foundation
import Testing
import TestSupport
@testable import SparklerServer

/// serve holds a bounded number of connections, in all and per peer, and closes one that is slow to send
/// its request's head; the connections it admitted keep being served. Real sockets from several loopback
/// addresses, each a peer of its own. Which of several simultaneous connections is refused depends on the
/// event loop threads, so the tests count answers rather than name the refused one; the idle timeout is
/// far away, so that only the limits close anything.
@Suite struct ConnectionLimitTests {
    private static let keepAliveRequest = "GET /inference/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    /// Opens every connection first, then asks on each, keeping them all open until every answer's status
    /// line is in (so that no place is given back meanwhile): each status line, "" for one closed unanswered.
    private func answers(port: Int, from peers: [String]) async throws -> [String] {
        let connections = try peers.map { try HeldConnection(port: port, from: $0) }
        var answers: [String] = []
        for connection in connections {
            guard connection.sendUnlessClosed(Self.keepAliveRequest) else {
                answers.append("")
                continue
            }
            answers.append(try #require(await connection.read(until: "\r\n"), "no answer and still open"))
        }
        return answers
    }

    @Test func connectionsBeyondAPeersShareAreClosedWhileOtherPeersAreServed() async throws {
        let configuration = ServerConfiguration(
            port: 0, timeout: .seconds(600), maxConnections: 10, maxConnectionsPerPeer: 2, headerTimeout: .seconds(300))
        try await withServer(configuration) { server in
            let port = try #require(URLComponents(string: server.baseURL)?.port)
            let replies = try await answers(port: port, from: ["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.2"])
            let samePeer = replies[0..<3], otherPeer = replies[3...]
            #expect(samePeer.filter { $0.hasPrefix("HTTP/1.1 200") }.count == 2, "\(replies.map { $0.prefix(15) })")
            #expect(samePeer.filter(\.isEmpty).count == 1, "the third from one peer is closed unanswered")
            #expect(otherPeer.allSatisfy { $0.hasPrefix("HTTP/1.1 200") }, "another peer has a share of its own")
        }
    }

    @Test func theTotalIsBoundedAcrossPeersAndAPlaceGivenBackIsTakenAgain() async throws {
        let configuration = ServerConfiguration(
            port: 0, timeout: .seconds(600), maxConnections: 3, maxConnectionsPerPeer: 3, headerTimeout: .seconds(300))
        try await withServer(configuration) { server in
            let port = try #require(URLComponents(string: server.baseURL)?.port)
            let replies = try await answers(port: port, from: (1...4).map { "127.0.0.\($0)" })
            #expect(replies.filter { $0.hasPrefix("HTTP/1.1 200") }.count == 3, "\(replies.map { $0.prefix(15) })")
            #expect(replies.filter(\.isEmpty).count == 1)

            // Every connection above has closed; the server learns of it on its own time, so poll.
            var served = false
            let bound = ContinuousClock.now + .seconds(60)
            while !served, ContinuousClock.now < bound {
                served = try await answers(port: port, from: ["127.0.0.5"])[0].hasPrefix("HTTP/1.1 200")
            }
            #expect(served, "a new connection is admitted once the others closed")
        }
    }

    @Test func aHeadThatTricklesInIsCutOffWhileOthersAreServed() async throws {
        // The idle timeout (the body timeout plus 10 s) is far away: only the header timeout can close it.
        let configuration = ServerConfiguration(port: 0, timeout: .seconds(600), headerTimeout: .seconds(1))
        try await withServer(configuration) { server in
            let port = try #require(URLComponents(string: server.baseURL)?.port)
            let slow = try HeldConnection(port: port)
            try slow.send("GET /inference/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
            #expect(await slow.readUntilClosed() == "", "closed without an answer")

            let models = try await server.send("\(server.baseURL)/models", method: .GET)
            #expect(models.status == 200)
        }
    }
}
