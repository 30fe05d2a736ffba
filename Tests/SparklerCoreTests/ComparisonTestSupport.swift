import FireworksTestServer
import Foundation
@testable import SparklerCore

/// A test server, a history and a runner over both, with a model that makes tiny pictures.
struct ComparisonHarness {
    static let model: ModelCapabilities = {
        var model = TestModels.playground
        model.sizes = [ImageSize(width: 64, height: 48)]
        model.defaultShape = .size(ImageSize(width: 64, height: 48))
        return model
    }()

    let fireworks: FireworksHarness
    let history: TemporaryHistory
    var server: FireworksTestServer { fireworks.server }
    var service: GenerationService { GenerationService(backend: fireworks.backend, history: history.store) }

    /// `count` consecutive seeds from 100, one cell each.
    func plan(count: Int = 9) throws -> ComparisonPlan {
        let base = GenerationRequest(prompt: "a lighthouse at dusk", cfgScale: 7, steps: 20, format: .png)
        return try ComparisonPlan.seeds(base, count: count, firstSeed: 100, model: Self.model)
    }

    /// One request outside any comparison: while a test run starts, the first connections can take
    /// seconds, which timings should not count.
    func warmUp() async throws {
        _ = try await service.generate(try plan(count: 2).cells[0].request, model: Self.model)
    }

    /// Runs the plan to the end, `maxInFlight` at a time.
    func run(_ plan: ComparisonPlan, maxInFlight: Int = 3, groupID: String, into log: EventLog) async {
        await ComparisonRunner(service: service, maxInFlight: maxInFlight)
            .run(plan, model: Self.model, groupID: groupID) { log.append($0) }
    }
}

func withComparisonHarness(maxRetries: Int = 0, _ body: (ComparisonHarness) async throws -> Void) async throws {
    let history = try TemporaryHistory()
    try await withHarness(maxRetries: maxRetries) { fireworks in
        try await body(ComparisonHarness(fireworks: fireworks, history: history))
    }
}

/// Comparison events in the order they arrived.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ComparisonEvent] = []
    /// Told how many cells have finished, each time one does.
    private let onFinished: @Sendable (Int) -> Void

    init(onFinished: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.onFinished = onFinished
    }

    func append(_ event: ComparisonEvent) {
        let finished = lock.withLock { () -> Int? in
            storage.append(event)
            guard case .finished = event else { return nil }
            return storage.filter { if case .finished = $0 { true } else { false } }.count
        }
        if let finished { onFinished(finished) }
    }

    var events: [ComparisonEvent] { lock.withLock { storage } }

    var started: [Int] { events.compactMap { if case .started(let cell) = $0 { cell } else { nil } } }
    var finished: [(cell: Int, entry: HistoryEntry)] {
        events.compactMap { if case .finished(let cell, let entry) = $0 { (cell, entry) } else { nil } }
    }
    var failed: [(cell: Int, message: String)] {
        events.compactMap { if case .failed(let cell, let message) = $0 { (cell, message) } else { nil } }
    }
    var cancelled: [Int] { events.compactMap { if case .cancelled(let cell) = $0 { cell } else { nil } } }

    /// The most cells running at once, counted from the events.
    var mostInFlight: Int {
        var running = 0, most = 0
        for event in events {
            if case .started = event { running += 1 } else { running -= 1 }
            most = max(most, running)
        }
        return most
    }

    /// Waits until `condition` holds; false if `timeout` passes first.
    func wait(timeout: Duration = .seconds(10), until condition: (EventLog) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}
