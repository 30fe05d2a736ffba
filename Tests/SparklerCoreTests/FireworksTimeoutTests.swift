import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// A server that never answers: the timeout fires, and cancelling the task stops at once.
@Suite struct FireworksTimeoutTests {
    @Test func silentServerTimesOutWithoutRetrying() async throws {
        try await withHarness(requestTimeout: .seconds(1)) { harness in
            harness.server.setDefault(.hang)
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .timedOut(after: .seconds(1)))
            #expect(error?.description.contains("no answer from Fireworks within 1 s") == true)
            // On a loaded machine the limit may pass before the request arrives; either way there is no retry.
            #expect(harness.server.requests.count <= 1)
        }
    }

    @Test func slowAnswerWithinTheTimeoutArrives() async throws {
        // A generous limit: the engine's tests can hold this process's tasks back for many seconds.
        try await withHarness(requestTimeout: .seconds(60)) { harness in
            harness.server.enqueue(.delayed(.milliseconds(100), then: .answer()))
            let result = try await harness.generate(smallRequest())
            #expect(result.images.count == 1)
        }
    }

    @Test func cancellingTheTaskAbortsTheRequestPromptly() async throws {
        try await withHarness(requestTimeout: .seconds(60)) { harness in
            harness.server.setDefault(.hang)
            let task = Task { try await harness.generate(smallRequest()) }
            #expect(await harness.server.waitForRequests(count: 1, timeout: .seconds(120)), "under a full parallel test run the request can take seconds to arrive")
            let cancelled = ContinuousClock.now
            task.cancel()
            let outcome = await task.result
            #expect(ContinuousClock.now - cancelled < .seconds(10))
            #expect(outcome.failure is CancellationError)
        }
    }

    @Test func cancellingDuringBackoffStopsTheRetries() async throws {
        try await withHarness { harness in
            harness.server.setDefault(.status(503, retryAfter: "4"))
            let task = Task { try await harness.generate(smallRequest()) }
            #expect(await harness.server.waitForRequests(count: 1, timeout: .seconds(120)), "under a full parallel test run the request can take seconds to arrive")
            try await Task.sleep(for: .milliseconds(50))
            task.cancel()
            let outcome = await task.result
            #expect(outcome.failure is CancellationError)
            #expect(harness.server.requests.count == 1)
        }
    }
}
