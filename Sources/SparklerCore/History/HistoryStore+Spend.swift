import Foundation
import GRDB

/// One line of `history spend`: what the pictures of one day or one model cost.
public struct SpendLine: Sendable, Equatable {
    /// `2026-12-06` (UTC) or the model's `accounts/A/models/M`.
    public var key: String
    public var pictures: Int
    public var stepsBilled: Int
    public var cost: Money
    /// Billed pictures recorded before Sparkler recorded costs: counted in steps, not in dollars.
    public var unpriced: Int
}

/// How `history spend` groups its totals.
public enum SpendGrouping: String, Sendable, CaseIterable {
    case day
    case model
}

extension HistoryStore {
    /// What Fireworks billed, by day (UTC) or by model, newest day or costliest model first. Offline and
    /// served pictures cost nothing and are left out.
    public func spend(by grouping: SpendGrouping) throws -> [SpendLine] {
        let key = switch grouping {
        case .day: "date(createdAt)"
        case .model: "json_extract(request, '$.model')"
        }
        let order = grouping == .day ? "key DESC" : "cost DESC, key"
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(key) AS key, COUNT(*) AS pictures, COALESCE(SUM(stepsBilled), 0) AS steps,
                       COALESCE(SUM(costMicros), 0) AS cost, SUM(costMicros IS NULL) AS unpriced
                FROM historyEntry
                WHERE backend = 'fireworks' AND (costMicros IS NOT NULL OR stepsBilled > 0)
                GROUP BY key ORDER BY \(order)
                """).map { row in
                SpendLine(key: row["key"], pictures: row["pictures"], stepsBilled: row["steps"], cost: Money(micros: row["cost"]), unpriced: row["unpriced"])
            }
        }
    }
}
