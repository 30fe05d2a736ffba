import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// Every row of the contract's error table, with its retry behaviour.
@Suite struct FireworksErrorTests {
    @Test func badRequestShowsTheServersMessageAndIsNotRetried() async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(400, message: "Invalid size 1000x1000; allowed sizes are 1024x1024, 1152x896"))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .rejected(status: 400, message: "Invalid size 1000x1000; allowed sizes are 1024x1024, 1152x896"))
            #expect(error?.description.contains("Invalid size 1000x1000; allowed sizes are 1024x1024, 1152x896") == true)
            #expect(harness.server.requests.count == 1)
            #expect(harness.progress.events.isEmpty)
        }
    }

    @Test func unknownModelIs404WithTheServersMessage() async throws {
        try await withHarness { harness in
            let unknown = ModelCapabilities.stableDiffusionXL(
                ModelID(account: "fireworks", name: "no-such-model"), displayName: "x", cfgDefault: 7
            )
            harness.server.setDefault(.status(404, message: "Model not found, inaccessible, and/or not deployed"))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest(), model: unknown) }
            #expect(error == .rejected(status: 404, message: "Model not found, inaccessible, and/or not deployed"))
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func wrongKeyIs401AndSaysHowToSetTheKey() async throws {
        let server = try await FireworksTestServer.start(apiKey: "the-right-key-0123456789")
        let backend = FireworksBackend(configuration: server.configuration(apiKey: FireworksHarness.apiKey))
        let outcome = await capture { try await backend.generate(smallRequest(), model: TestModels.playground) { _ in } }
        await backend.shutdown()
        await server.shutdown()

        let error = try #require(outcome.failure as? FireworksError)
        #expect(error == .unauthorized)
        #expect(error.description == "Fireworks refused the API key (HTTP 401): check FIREWORKS_API_KEY or the key in config.toml.")
        #expect(!error.description.contains(FireworksHarness.apiKey))
        #expect(server.requests.count == 1)
    }

    @Test func forbiddenIsNotRetried() async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(403))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .forbidden(message: "You do not have permission to use this model."))
            #expect(harness.server.requests.count == 1)
        }
    }

    /// 402 (no paid plan, over the usage limits) and 412 (suspended, past the spending limit): the server's
    /// words, what to check, and no retry, since trying again cannot change the account.
    @Test(arguments: [
        (402, "Account is not on a paid plan or has exceeded its usage limits.", "payment method"),
        (412, "Account suspended. Please check your account status.", "spending limit"),
    ])
    func billingRefusalsSayWhatToCheckAndAreNotRetried(status: Int, message: String, advice: String) async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(status))
            let error = try #require(await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) })
            #expect(error == (status == 402 ? .paymentRequired(message: message) : .preconditionFailed(message: message)))
            #expect(error.description.contains("HTTP \(status)") && error.description.contains(message), "\(error)")
            #expect(error.description.contains(advice) && error.description.contains("fireworks.ai/account/billing"), "\(error)")
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func tooLargeNamesTheImageAndItsSize() async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(413))
            let initData = try TestImages.encoded(width: 16, height: 16, format: .png)
            let mode = GenerationMode.imageToImage(
                InitImage(image: InputImage(data: initData, fileName: "/home/me/huge.png"), schedule: .imageStrength(0.5))
            )
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest(mode: mode)) }
            #expect(error == .payloadTooLarge(upload: FireworksUpload(role: "init image", fileName: "huge.png", byteCount: initData.count)))
            #expect(error?.description.contains("init image huge.png (\(initData.count) bytes)") == true)
            #expect(harness.server.requests.count == 1)

            let control = GenerationMode.controlNet(
                ControlNetSettings(image: InputImage(data: initData, fileName: "edges.png"), netName: "canny")
            )
            let controlError = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest(mode: control)) }
            #expect(controlError?.description.contains("control image edges.png") == true)
        }
    }

    @Test(arguments: [408, 500, 502, 503, 504])
    func serverTroubleIsRetriedThenReportedWithTheAttemptCount(status: Int) async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(status))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            guard case .serverTrouble(status, _, attempts: 4) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("still after 4 attempts: try again later") == true)
            #expect(harness.server.requests.count == 4)
            #expect(harness.progress.retryAttempts == [2, 3, 4])
        }
    }

    @Test func serverTroubleThatClearsUpSucceeds() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.status(503), .htmlPage(status: 502))
            let result = try await harness.generate(smallRequest())
            #expect(result.timings.attempts == 3)
            #expect(result.images.count == 1)
            let reasons = harness.progress.events.compactMap { event -> String? in
                if case .retrying(_, _, let reason) = event { reason } else { nil }
            }
            #expect(reasons == ["HTTP 503 Service Unavailable", "HTTP 502 Bad Gateway"])
        }
    }

    @Test func htmlErrorPageFallsBackToTheStatusReason() async throws {
        try await withHarness(maxRetries: 1) { harness in
            harness.server.setDefault(.htmlPage(status: 502))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .serverTrouble(status: 502, reason: "Bad Gateway", attempts: 2))
            #expect(error?.description.contains("<") == false)
        }
    }

    @Test func rateLimitIsRetriedAndThenSaysSo() async throws {
        try await withHarness(maxRetries: 2) { harness in
            harness.server.setDefault(.status(429))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .rateLimited(attempts: 3))
            #expect(error?.description.contains("rate limited") == true)
            #expect(error?.description.contains("3 attempts") == true)
            #expect(harness.server.requests.count == 3)
        }
    }

    @Test func retryAfterInSecondsIsHonoured() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.status(429, retryAfter: "1"))
            let result = try await harness.generate(smallRequest())
            #expect(result.timings.attempts == 2)
            #expect(harness.progress.events == [.retrying(attempt: 2, delay: .seconds(1), reason: "HTTP 429 Too Many Requests")])
        }
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        try await withHarness { harness in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            harness.server.enqueue(.status(503, retryAfter: formatter.string(from: Date().addingTimeInterval(1))))
            let result = try await harness.generate(smallRequest())
            #expect(result.timings.attempts == 2)
            guard case .retrying(2, let delay, _) = harness.progress.events.first else {
                Issue.record("no retry reported: \(harness.progress.events)")
                return
            }
            #expect(delay <= .seconds(2))
        }
    }

    @Test func retryAfterLongerThanTheCapFailsAtOnceSayingWhen() async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(429, retryAfter: "3600"))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            guard case .retryAfterTooLong(429, .seconds(3600), _) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("try again after") == true)
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func otherErrorBodyShapesAreUnderstood() async throws {
        try await withHarness { harness in
            harness.server.enqueue(
                .raw(status: 400, headers: ["Content-Type": "application/json"], body: Data(#"{"message": "top-level words"}"#.utf8)),
                .raw(status: 400, headers: ["Content-Type": "application/json"], body: Data(#"{"error": "a plain string"}"#.utf8)),
                .raw(status: 400, headers: ["Content-Type": "text/plain"], body: Data("plain text reason".utf8)),
                .raw(status: 400, headers: ["Content-Type": "application/json"], body: Data(#"{"error": {}, "structured_error": {"message": "structured words"}}"#.utf8)),
                .raw(status: 400, headers: ["Content-Type": "text/html"], body: Data("<!DOCTYPE html><html><body>oops</body></html>".utf8))
            )
            let expected = ["top-level words", "a plain string", "plain text reason", "structured words", "Bad Request"]
            for message in expected {
                let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
                #expect(error == .rejected(status: 400, message: message))
            }
        }
    }

    @Test func serverMessagesLoseControlCharactersAndTheKey() async throws {
        try await withHarness { harness in
            let message = "bad\u{1B}[31m request\r\nfor key \(FireworksHarness.apiKey)\u{07}"
            harness.server.setDefault(.status(400, message: message))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            let description = error?.description ?? ""
            #expect(!description.contains(FireworksHarness.apiKey))
            #expect(description.contains("[redacted]"))
            #expect(!description.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test func unreachableBaseURLIsRetriedAndNamed() async throws {
        // A socket bound but never listening: connections are refused, and no other test can take its port.
        let port = try ClosedPort()
        defer { port.close() }
        let server = try await FireworksTestServer.start()
        var configuration = server.configuration(maxRetries: 2)
        await server.shutdown()
        configuration.baseURL = "http://127.0.0.1:\(port.number)/inference/v1"
        let backend = FireworksBackend(configuration: configuration)
        let progress = ProgressLog()
        let outcome = await capture {
            try await backend.generate(smallRequest(), model: TestModels.playground) { progress.append($0) }
        }
        await backend.shutdown()

        let error = try #require(outcome.failure as? FireworksError)
        guard case .cannotConnect(let baseURL, _, attempts: 3) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(baseURL == configuration.baseURL)
        #expect(error.description.contains(configuration.baseURL))
        #expect(error.description.contains("FIREWORKS_API_BASE"))
        #expect(progress.retryAttempts == [2, 3])
    }

    /// A name that does not resolve (`.invalid` never does, RFC 6761) is a mistake in the base URL: said
    /// after one attempt, not retried.
    @Test func aHostNameThatDoesNotResolveIsNotRetried() async throws {
        var configuration = FireworksConfiguration(apiKey: "k", baseURL: "http://fireworks.sparkler-test.invalid/inference/v1")
        configuration.retryPolicy.maxRetries = 3
        let backend = FireworksBackend(configuration: configuration)
        let progress = ProgressLog()
        let outcome = await capture {
            try await backend.generate(smallRequest(), model: TestModels.playground) { progress.append($0) }
        }
        await backend.shutdown()

        let error = try #require(outcome.failure as? FireworksError)
        guard case .cannotConnect(_, "host name not found", attempts: 1) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(progress.retryAttempts.isEmpty)
        #expect(error.description.contains("http://fireworks.sparkler-test.invalid/inference/v1"))
    }

    @Test func invalidBaseURLFailsBeforeSending() async throws {
        let backend = FireworksBackend(configuration: FireworksConfiguration(apiKey: "k", baseURL: "api.fireworks.ai/v1"))
        let outcome = await capture { try await backend.generate(smallRequest(), model: TestModels.playground) { _ in } }
        await backend.shutdown()
        let error = try #require(outcome.failure as? FireworksError)
        #expect(error == .invalidBaseURL("api.fireworks.ai/v1"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

/// A loopback TCP port held by a socket that never listens.
private struct ClosedPort {
    let descriptor: Int32
    let number: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        number = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
