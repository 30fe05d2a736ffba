import Foundation

/// Runs heavy engine work for tests one job at a time on a thread of its own: run synchronously in a
/// test, a picture holds one of the concurrency pool's threads (two on this machine) for seconds, and
/// other suites' async tests (network timeouts, servers) starve.
enum EngineTestQueue {
    private static let queue = DispatchQueue(label: "sparkler.engine-tests")

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
