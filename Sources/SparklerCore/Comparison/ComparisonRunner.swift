/// Runs a comparison's cells concurrently, at most `maxInFlight` at a time, recording every picture
/// and failure in history under one group id.
public struct ComparisonRunner: Sendable {
    /// Fireworks' rate limits leave room for a few image requests at once, not dozens.
    public static let defaultMaxInFlight = 3
    public static let maxInFlightRange = 1...16

    public let service: GenerationService
    public let maxInFlight: Int

    /// `maxInFlight` is clamped to `maxInFlightRange`.
    public init(service: GenerationService, maxInFlight: Int = defaultMaxInFlight) {
        self.service = service
        self.maxInFlight = min(max(maxInFlight, Self.maxInFlightRange.lowerBound), Self.maxInFlightRange.upperBound)
    }

    /// Returns when every cell has ended. Each cell reports `.started`, then exactly one of `.finished`,
    /// `.failed` or `.cancelled` as soon as it ends, so events of different cells interleave. A cell
    /// still waiting for a slot when the calling task is cancelled reports only `.cancelled`.
    public func run(
        _ plan: ComparisonPlan, model: ModelCapabilities, groupID: String,
        events: @escaping @Sendable (ComparisonEvent) -> Void
    ) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, cell) in plan.cells.enumerated() {
                if index >= maxInFlight {
                    await group.next()
                }
                guard !Task.isCancelled else {
                    events(.cancelled(cell: index))
                    continue
                }
                events(.started(cell: index))
                group.addTask {
                    events(await run(cell, index: index, model: model, groupID: groupID))
                }
            }
        }
    }

    private func run(_ cell: ComparisonPlan.Cell, index: Int, model: ModelCapabilities, groupID: String) async -> ComparisonEvent {
        do {
            let entries = try await service.generate(cell.request, model: model, groupID: groupID)
            guard let entry = entries.first else {
                return .failed(cell: index, message: "the backend answered without a picture")
            }
            return .finished(cell: index, entry: entry)
        } catch is CancellationError {
            return .cancelled(cell: index)
        } catch {
            return .failed(cell: index, message: String(describing: error))
        }
    }
}
