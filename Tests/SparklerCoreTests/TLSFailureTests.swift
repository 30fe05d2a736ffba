import FireworksTestServer
import Foundation
import Testing
@testable import SparklerCore

/// A secure connection that fails is explained in words; BoringSSL's text, with its source files and
/// build paths, never reaches a message.
@Suite struct TLSFailureTests {
    @Test(arguments: [
        ("Error: 268435581 error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /build/swift-nio-ssl/Sources/CNIOBoringSSL/ssl/handshake.cc:393",
         "CERTIFICATE_VERIFY_FAILED"),
        ("Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER at /x/tls_record.cc:231", "WRONG_VERSION_NUMBER"),
        ("Error: 1 error:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE", "SSLV3_ALERT_HANDSHAKE_FAILURE"),
    ])
    func theReasonsNameIsReadFromBoringSSLsText(description: String, name: String) {
        #expect(TLSFailure.reasonName(in: description) == name)
    }

    @Test func reasonsAUserCanActOnAreWordedAndOthersAreNot() throws {
        let untrusted = try #require(TLSFailure.words(forReason: "CERTIFICATE_VERIFY_FAILED"))
        #expect(untrusted.contains("certificate is not trusted"))
        #expect(try #require(TLSFailure.words(forReason: "WRONG_VERSION_NUMBER")).contains("did not answer in TLS"))
        #expect(TLSFailure.words(forReason: "SOMETHING_ELSE") == nil)
        #expect(TLSFailure.reason(for: CancellationError()) == nil, "not about TLS")
    }

    @Test func aTLSErrorBecomesAWordedFailureThatIsNotRetried() {
        let error = FireworksError.insecureConnection(baseURL: "https://api.fireworks.ai/inference/v1", reason: "the server's certificate is not trusted")
        #expect(error.description == """
            Could not make a secure connection to https://api.fireworks.ai/inference/v1: the server's certificate is not trusted. \
            Check FIREWORKS_API_BASE, and any proxy that intercepts HTTPS.
            """)
    }

    /// Over a real socket: HTTPS to a server that speaks plain HTTP fails in BoringSSL's handshake.
    @Test func httpsToAPlainHTTPServerSaysSoInWords() async throws {
        let server = try await FireworksTestServer.start(apiKey: FireworksHarness.apiKey)
        var configuration = server.configuration(apiKey: FireworksHarness.apiKey)
        configuration.baseURL = server.baseURL.replacingOccurrences(of: "http://", with: "https://")
        let backend = FireworksBackend(configuration: configuration)
        let outcome = await capture { try await backend.generate(smallRequest(), model: TestModels.playground) { _ in } }
        await backend.shutdown()
        await server.shutdown()

        let error = try #require(outcome.failure as? FireworksError, "\(outcome)")
        guard case .insecureConnection(_, let reason) = error else {
            Issue.record("not a secure-connection failure: \(error)")
            return
        }
        #expect(reason.contains("did not answer in TLS"), "\(reason)")
        for leaked in ["OPENSSL", "BoringSSL", ".cc", "error:"] {
            #expect(!error.description.contains(leaked), "\(error.description)")
        }
    }
}
