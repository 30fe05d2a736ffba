import SparklerCore

/// The engine's one slot and the bounded line of requests waiting for it. A full line refuses at once
/// with an estimate of when to retry; a waiting request whose task is cancelled (its client went away)
/// leaves the line; once closed for shutdown, requests that do not hold the slot are refused.
actor GenerationQueue {
    enum Refusal: Error {
        case full(retryAfterSeconds: Int)
        case closed
    }

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let capacity: Int
    private var isBusy = false
    private var isClosed = false
    private var waiting: [Waiter] = []
    private var nextID: UInt64 = 0
    /// The last few generations' durations, for `Retry-After`.
    private var recent: [Duration] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Whether the slot is taken and how many wait: for tests that must act at a known point.
    var occupancy: (running: Bool, waiting: Int) { (isBusy, waiting.count) }

    /// Runs `work` once the slot is free; throws `Refusal` without waiting when the line is full or closed.
    nonisolated func withSlot<Value: Sendable>(_ work: @Sendable () async throws -> Value) async throws -> Value {
        try await acquire()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let value = try await work()
            await release(measured: clock.now - started)
            return value
        } catch {
            await release(measured: nil)
            throw error
        }
    }

    /// Requests not yet holding the slot are refused from now on; the running one finishes.
    func close() {
        isClosed = true
        for waiter in waiting {
            waiter.continuation.resume(throwing: Refusal.closed)
        }
        waiting.removeAll()
    }

    private func acquire() async throws {
        guard !isClosed else { throw Refusal.closed }
        guard isBusy else {
            isBusy = true
            return
        }
        guard waiting.count < capacity else { throw Refusal.full(retryAfterSeconds: retryAfterSeconds()) }
        try Task.checkCancellation()
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiting.append(Waiter(id: id, continuation: continuation))
            }
        } onCancel: {
            Task { await self.leave(id) }
        }
    }

    /// Hands the slot straight to the next in line, so nobody can overtake it.
    private func release(measured duration: Duration?) {
        if let duration {
            recent = Array((recent + [duration]).suffix(8))
        }
        if waiting.isEmpty {
            isBusy = false
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }

    private func leave(_ id: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// Everyone in line plus the running request, at the recent average (1 s before anything ran).
    private func retryAfterSeconds() -> Int {
        let average = recent.isEmpty ? 1 : recent.map(\.inSeconds).reduce(0, +) / Double(recent.count)
        return max(1, Int((Double(waiting.count + 1) * average).rounded(.up)))
    }
}
