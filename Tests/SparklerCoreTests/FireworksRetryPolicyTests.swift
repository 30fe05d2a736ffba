import Foundation
@testable import SparklerCore
import Testing

/// Backoff arithmetic and `Retry-After` parsing, without a server.
@Suite struct FireworksRetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 5, baseDelay: .seconds(1), maxDelay: .seconds(10))

    @Test func backoffDoublesWithinTheJitterBand() {
        #expect(policy.backoff(beforeRetry: 1, jitter: 0) == .milliseconds(500))
        #expect(policy.backoff(beforeRetry: 1, jitter: 1) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 2, jitter: 0) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 3, jitter: 0.5) == .seconds(3))
    }

    @Test func backoffNeverExceedsTheMaximum() {
        #expect(policy.backoff(beforeRetry: 10, jitter: 1) == .seconds(10))
        #expect(policy.backoff(beforeRetry: 1_000, jitter: 1) == .seconds(10))
    }

    @Test func negativeRetryCountsMeanNoRetries() {
        #expect(RetryPolicy(maxRetries: -2).maxRetries == 0)
    }

    @Test func retryAfterSecondsAndDates() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:50:07 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Sunday, 06-Nov-94 08:50:07 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Sun Nov  6 08:50:07 1994", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay(from: "-5", now: now) == nil)
        #expect(RetryAfter.delay(from: "soon", now: now) == nil)
    }
}
