/// Values bounded by count and by total cost (bytes), the least recently used going first.
/// Not thread-safe by itself: `PictureCache` keeps it behind a lock.
struct LRUStore<Key: Hashable, Value> {
    private struct Entry {
        var value: Value
        var cost: Int
        var lastUse: UInt64
    }

    let maxCount: Int
    let maxCost: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    private(set) var totalCost = 0

    init(maxCount: Int, maxCost: Int) {
        self.maxCount = max(1, maxCount)
        self.maxCost = max(0, maxCost)
    }

    var count: Int { entries.count }

    mutating func value(for key: Key) -> Value? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.value
    }

    /// Keeps the value; the newest entry stays even when it alone costs more than `maxCost`.
    mutating func insert(_ value: Value, for key: Key, cost: Int) {
        clock += 1
        if let old = entries.updateValue(Entry(value: value, cost: cost, lastUse: clock), forKey: key) {
            totalCost -= old.cost
        }
        totalCost += cost
        while entries.count > maxCount || (totalCost > maxCost && entries.count > 1) {
            evictOldest()
        }
    }

    private mutating func evictOldest() {
        // A linear scan: the stores hold tens of entries, not thousands.
        guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { return }
        entries[oldest.key] = nil
        totalCost -= oldest.value.cost
    }
}
