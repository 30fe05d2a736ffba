import Foundation
import SparklerCore
import Testing
@testable import SparklerServer

/// The engine's line: 429 with Retry-After when full, a client that leaves gives up its place, a
/// cancelled request stops its generation, shutdown refuses whoever still waits.
@Suite struct GenerationQueueTests {
    /// Ten samples of 150 steps: long enough to still be running when the test is done with it.
    static var slow: [String: Any] { ["prompt": "a red circle", "height": 64, "width": 64, "steps": 150, "samples": 10, "seed": 1] }
    static var quick: [String: Any] { ["prompt": "a red circle", "height": 64, "width": 64, "steps": 1, "seed": 2] }

    @Test func aFullLineIs429WithRetryAfter() async throws {
        try await withServer(ServerConfiguration(port: 0, queueCapacity: 0)) { server in
            let url = server.url("", model: TestServer.tiny)
            // Whichever arrives second finds the engine busy and no place to wait.
            let refused = try await withThrowingTaskGroup(of: TestServer.Answer.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await server.post(url, json: Self.slow) }
                }
                defer { group.cancelAll() }
                return try #require(try await group.next())
            }
            #expect(refused.status == 429)
            #expect(refused.header("Retry-After").flatMap(Int.init).map { $0 >= 1 } == true)
            #expect(refused.errorMessage?.contains("busy") == true)
        }
    }

    /// Waits (without a fixed sleep: the machine may be loaded) until the line is in the state wanted.
    private func waitFor(_ server: TestServer, running: Bool, waiting: Int) async throws {
        try await waitFor(server.queue, running: running, waiting: waiting)
    }

    private func waitFor(_ queue: GenerationQueue, running: Bool, waiting: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while await queue.occupancy != (running, waiting) {
            guard ContinuousClock.now < deadline else {
                Issue.record("the line never reached running \(running), waiting \(waiting)")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func aClientThatLeavesGivesUpItsPlaceAndACancelledRunStops() async throws {
        try await withServer(ServerConfiguration(port: 0, queueCapacity: 1)) { server in
            let url = server.url("", model: TestServer.tiny)
            let running = Task { try await server.post(url, json: Self.slow) }
            try await waitFor(server, running: true, waiting: 0)
            let waiting = Task { try await server.post(url, json: Self.slow) }
            try await waitFor(server, running: true, waiting: 1)
            #expect(try await server.post(url, json: Self.quick).status == 429, "one runs, one waits: the line is full")

            waiting.cancel()
            try await waitFor(server, running: true, waiting: 0)
            let queued = Task { try await server.post(url, json: Self.quick, accept: "image/png") }
            try await waitFor(server, running: true, waiting: 1)
            running.cancel()
            let answer = try await queued.value
            #expect(answer.status == 200, "the place the cancelled request left was free")
            // Only the queued picture is in history: the cancelled run stopped instead of drawing its ten.
            #expect(try server.history.count(HistoryQuery()) == 1)
        }
    }

    @Test func closingRefusesTheWaitingAndTheNewButLetsTheRunningFinish() async throws {
        let queue = GenerationQueue(capacity: 2)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let running = Task {
            try await queue.withSlot {
                startedContinuation.yield()
                for await _ in release { break }
                return "finished"
            }
        }
        for await _ in started { break }
        let waiting = Task { try await queue.withSlot { "ran" } }
        try await waitFor(queue, running: true, waiting: 1)

        await queue.close(finishingWithin: .seconds(3600))
        await #expect(throws: GenerationQueue.Refusal.self) { try await waiting.value }
        await #expect(throws: GenerationQueue.Refusal.self) { try await queue.withSlot { "new" } }
        releaseContinuation.yield()
        #expect(try await running.value == "finished")
    }

    @Test func aRunningRequestThatOutlastsTheGraceIsStoppedAndItsCallerAnswers() async throws {
        let queue = GenerationQueue(capacity: 1)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (never, _) = AsyncStream.makeStream(of: Void.self)
        // Work that only cancellation ends: the grace is over long before it would finish.
        let running = Task {
            try await queue.withSlot {
                startedContinuation.yield()
                for await _ in never {}
                try Task.checkCancellation()
                return "finished"
            }
        }
        for await _ in started { break }

        await queue.close(finishingWithin: .milliseconds(50))
        await #expect(throws: GenerationQueue.Refusal.stoppedAtShutdown) { try await running.value }
        #expect(await queue.occupancy == (false, 0), "the slot was given back")
    }

    @Test func theSlotPassesInArrivalOrder() async throws {
        let queue = GenerationQueue(capacity: 3)
        let order = OrderLog()
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let first = Task { try await queue.withSlot { for await _ in release { break } } }
        try await waitFor(queue, running: true, waiting: 0)
        var followers: [Task<Void, any Error>] = []
        for index in 1...3 {
            followers.append(Task { try await queue.withSlot { await order.append(index) } })
            try await waitFor(queue, running: true, waiting: index)
        }
        releaseContinuation.yield()
        try await first.value
        for follower in followers { try await follower.value }
        #expect(await order.values == [1, 2, 3])
    }
}

private actor OrderLog {
    var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
