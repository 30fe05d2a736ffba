import SparklerCore

/// What this session's pictures took: steps billed and money spent, for the status line.
public struct SessionSpend: Sendable, Equatable {
    public private(set) var steps = 0
    public private(set) var money = Money.zero

    public init() {}

    public mutating func add(_ entry: HistoryEntry) {
        steps += entry.stepsBilled ?? 0
        money = money + Money(micros: entry.costMicros ?? 0)
    }
}
