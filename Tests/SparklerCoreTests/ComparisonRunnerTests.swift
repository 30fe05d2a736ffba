import FireworksTestServer
import Foundation
import Testing
@testable import SparklerCore

/// The runner against the local test server with an injected latency.
@Suite(.serialized) struct ComparisonRunnerTests {
    private static let delay = Duration.milliseconds(500)

    /// Three at a time, never more: the runner's own count of requests in flight reaches three and no more
    /// (no wall-clock bound, which a loaded machine would break).
    @Test func nineCellsRunThreeAtATime() async throws {
        try await withComparisonHarness { harness in
            try await harness.warmUp()
            harness.server.setDefault(.delayed(Self.delay, then: .answer()))
            let plan = try harness.plan()
            let log = EventLog()
            let groupID = HistoryEntry.newGroupID()

            await harness.run(plan, groupID: groupID, into: log)
            #expect(log.mostInFlight == 3)
            #expect(log.finished.count == 9 && log.failed.isEmpty && log.cancelled.isEmpty)

            let rows = try harness.history.store.group(groupID)
            #expect(rows.count == 9)
            #expect(Set(rows.map(\.seed)) == Set((100...108).map { Optional($0) }))
            #expect(rows.allSatisfy { $0.groupID == groupID && $0.outcome == .success })
        }
    }

    @Test func picturesLandInTheirCellsInTheOrderTheyFinish() async throws {
        try await withComparisonHarness { harness in
            try await harness.warmUp()
            harness.server.clearRequests()
            // The first two requests to arrive are answered last: the second once the seven others have
            // finished, the first after it (gates opened as cells finish, not delays a loaded machine stretches).
            let second = Gate(), first = Gate()
            harness.server.enqueue(.held(first, then: .answer()), .held(second, then: .answer()))
            let plan = try harness.plan()
            let log = EventLog { finished in
                if finished == 7 { second.open() }
                if finished == 8 { first.open() }
            }
            await harness.run(plan, groupID: HistoryEntry.newGroupID(), into: log)

            #expect(log.finished.count == 9)
            for (cell, entry) in log.finished {
                #expect(entry.seed == plan.cells[cell].request.seed, "cell \(cell) got another cell's picture")
            }
            let arrivals = harness.server.requests.prefix(2).compactMap { $0.fields["seed"].flatMap(Int.init) }.map { $0 - 100 }
            let order = log.finished.map(\.cell)
            #expect(Array(order.suffix(2)) == arrivals.reversed(), "arrived \(arrivals), finished \(order)")
            #expect(order != order.sorted())
        }
    }

    @Test func oneFailureStaysInItsCell() async throws {
        try await withComparisonHarness { harness in
            harness.server.setDefault(.delayed(.milliseconds(20), then: .answer()))
            harness.server.enqueue(.status(400, message: "Invalid prompt for this seed"))
            let plan = try harness.plan()
            let log = EventLog()
            let groupID = HistoryEntry.newGroupID()
            await harness.run(plan, groupID: groupID, into: log)

            #expect(log.finished.count == 8)
            let failure = try #require(log.failed.first)
            #expect(log.failed.count == 1)
            #expect(failure.message.contains("Invalid prompt for this seed"))
            #expect(!log.finished.contains { $0.cell == failure.cell })

            let rows = try harness.history.store.group(groupID)
            #expect(rows.count == 9)
            let failedRow = try #require(rows.first { $0.outcome == .failed })
            #expect(failedRow.request.seed == plan.cells[failure.cell].request.seed)
            #expect(rows.filter { $0.outcome == .success }.count == 8)

            // The contact sheet lists every cell, the failed one with its error.
            let endings = Dictionary(log.events.map { ($0.cell, $0) }, uniquingKeysWith: { $1 })
            let sheet = try ContactSheet(plan: plan, endings: endings).png(history: harness.history.store, backend: "fireworks")
            let metadata = try #require(try ContactSheetMetadata.read(from: sheet))
            #expect(metadata.cells.count == 9)
            #expect(metadata.cells[failure.cell].outcome == .failed)
            #expect(metadata.cells[failure.cell].provenance.seed == plan.cells[failure.cell].request.seed)
            #expect(metadata.cells.filter { $0.outcome == .success }.count == 8)
        }
    }

    @Test func cancellingEndsTheRestAndRecordsOnlyWhatFinished() async throws {
        try await withComparisonHarness { harness in
            harness.server.enqueue(.answer(), .answer(), .answer())
            harness.server.setDefault(.hang)
            let plan = try harness.plan()
            let log = EventLog()
            let groupID = HistoryEntry.newGroupID()
            let runner = ComparisonRunner(service: harness.service, maxInFlight: 3)
            let comparison = Task {
                await runner.run(plan, model: ComparisonHarness.model, groupID: groupID) { log.append($0) }
            }

            let settled = await log.wait { $0.finished.count == 3 && $0.started.count == 6 }
            #expect(settled, "\(log.events)")
            let cancelledAt = ContinuousClock.now
            comparison.cancel()
            await comparison.value
            #expect(ContinuousClock.now - cancelledAt < .seconds(5))

            #expect(log.finished.count == 3 && log.failed.isEmpty)
            #expect(log.cancelled.count == 6)
            #expect(Set(log.finished.map(\.cell) + log.cancelled) == Set(0..<9), "every cell ends once")
            #expect(log.started.count == 6, "waiting cells never start")
            let rows = try harness.history.store.group(groupID)
            #expect(rows.count == 3)
            #expect(Set(rows.compactMap(\.id)) == Set(log.finished.compactMap(\.entry.id)))
        }
    }

    @Test func theLimitIsKeptWithinItsRange() async throws {
        try await withComparisonHarness { harness in
            #expect(ComparisonRunner(service: harness.service).maxInFlight == 3)
            #expect(ComparisonRunner(service: harness.service, maxInFlight: 0).maxInFlight == 1)
            #expect(ComparisonRunner(service: harness.service, maxInFlight: 99).maxInFlight == 16)
        }
    }
}
