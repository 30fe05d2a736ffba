import FireworksTestServer
import Foundation
import Testing
@testable import SparklerCore

/// A key that reaches the backend with a line break in it (a `pass` entry read whole) must never show up in a
/// message: not from the transport's refusal, not quoted by the HTTP client, not in history.
@Suite struct KeyLeakTests {
    private static let brokenKey = "fw_first-half-secret\nlogin: second-half-secret"

    @Test func aHeaderWithALineBreakIsNotSentAndTheMessageHidesTheKey() async throws {
        let server = try await FireworksTestServer.start(apiKey: FireworksHarness.apiKey)
        let backend = FireworksBackend(configuration: server.configuration(apiKey: Self.brokenKey))
        let outcome = await capture { try await backend.generate(smallRequest(), model: TestModels.playground) { _ in } }
        await backend.shutdown()
        await server.shutdown()

        let error = try #require(outcome.failure)
        let text = "\(error)"
        #expect(text.contains("Authorization header holds a line break"), "\(text)")
        #expect(!text.contains("secret"), "\(text)")
        #expect(!String(reflecting: error).contains("secret"))
        #expect(server.requests.isEmpty)
    }

    @Test func failureTextsHideTheKeyAsWrittenAndAsEscaped() {
        let quoted = "invalidHeaderFieldValues([\(String(reflecting: "Bearer " + Self.brokenKey))])"
        let raw = "refused Bearer \(Self.brokenKey) here"
        for failure in [TransportFailure.other(quoted), .other(raw), .cannotConnect(raw), .connectionLost(quoted)] {
            let hidden = failure.hiding(Self.brokenKey)
            #expect(!"\(hidden)".contains("secret"), "\(hidden)")
            #expect("\(hidden)".contains("<hidden>"))
        }
        #expect(TransportFailure.other("no key here").hiding(Self.brokenKey) == .other("no key here"))
    }
}
