import SparklerCore

/// The engine's one slot and the bounded line of requests waiting for it. A full line refuses at once
/// with an estimate of when to retry; a waiting request whose task is cancelled (its client went away)
/// leaves the line; once closed for shutdown, requests that do not hold the slot are refused, and the
/// running one is stopped if it outlasts the grace it was given.
actor GenerationQueue {
    enum Refusal: Error, Equatable {
        case full(retryAfterSeconds: Int)
        case closed
        /// The running request was stopped at shutdown, its grace over.
        case stoppedAtShutdown
    }

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let capacity: Int
    private var isBusy = false
    private var isClosed = false
    /// Cancels the running request's work.
    private var cancelRunning: (@Sendable () -> Void)?
    /// Set once the shutdown grace is over: the running request is being stopped.
    private var isStopping = false
    private var graceDeadline: Task<Void, Never>?
    private var waiting: [Waiter] = []
    private var nextID: UInt64 = 0
    /// The last few generations' durations, for `Retry-After`.
    private var recent: [Duration] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Whether the slot is taken and how many wait: for tests that must act at a known point.
    var occupancy: (running: Bool, waiting: Int) { (isBusy, waiting.count) }

    /// Runs `work` once the slot is free; throws `Refusal` without waiting when the line is full or closed,
    /// and `Refusal.stoppedAtShutdown` when shutdown's grace ran out before `work` finished.
    nonisolated func withSlot<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await acquire()
        let clock = ContinuousClock()
        let started = clock.now
        // A task of its own, so that shutdown can cancel the work while its caller stays to answer.
        let running = Task { try await work() }
        await holdSlot(cancel: running.cancel)
        let outcome = await withTaskCancellationHandler {
            await running.result
        } onCancel: {
            running.cancel()
        }
        switch outcome {
        case .success(let value):
            _ = await release(measured: clock.now - started)
            return value
        case .failure(let error):
            let stopped = await release(measured: nil)
            throw stopped && error is CancellationError ? Refusal.stoppedAtShutdown : error
        }
    }

    /// Requests not yet holding the slot are refused from now on; the running one has `grace` to finish,
    /// then it is cancelled (its caller gets `Refusal.stoppedAtShutdown` and can still answer).
    func close(finishingWithin grace: Duration) {
        isClosed = true
        for waiter in waiting {
            waiter.continuation.resume(throwing: Refusal.closed)
        }
        waiting.removeAll()
        guard isBusy else { return }
        graceDeadline = Task {
            try? await Task.sleep(for: grace)
            guard !Task.isCancelled else { return }
            self.stopRunning()
        }
    }

    private func holdSlot(cancel: @escaping @Sendable () -> Void) {
        cancelRunning = cancel
        if isStopping { cancel() }
    }

    private func stopRunning() {
        isStopping = true
        cancelRunning?()
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

    /// Hands the slot straight to the next in line, so nobody can overtake it; says whether the request
    /// that held it was being stopped at shutdown.
    private func release(measured duration: Duration?) -> Bool {
        cancelRunning = nil
        if let duration {
            recent = Array((recent + [duration]).suffix(8))
        }
        if waiting.isEmpty {
            isBusy = false
            graceDeadline?.cancel()
        } else {
            waiting.removeFirst().continuation.resume()
        }
        return isStopping
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
