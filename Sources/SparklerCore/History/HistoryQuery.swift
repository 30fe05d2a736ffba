import GRDB

/// Which entries to list: newest first, optionally filtered, one page at a time.
///
/// Paging is by key, not offset: pass the id of the last entry of a page as `beforeID` to get the
/// next one, which costs the same on page 1 and on page 1,000.
public struct HistoryQuery: Sendable, Equatable {
    /// Words to find in prompts and negative prompts; any text is safe here.
    public var search: String?
    public var favouritesOnly: Bool
    public var failuresOnly: Bool
    public var beforeID: Int64?
    public var limit: Int

    public init(
        search: String? = nil, favouritesOnly: Bool = false, failuresOnly: Bool = false,
        beforeID: Int64? = nil, limit: Int = 50
    ) {
        self.search = search
        self.favouritesOnly = favouritesOnly
        self.failuresOnly = failuresOnly
        self.beforeID = beforeID
        self.limit = limit
    }

    /// The filters alone: what `count` counts.
    var filtered: QueryInterfaceRequest<HistoryEntry> {
        var request = HistoryEntry.all()
        if favouritesOnly {
            request = request.filter(HistoryEntry.Columns.isFavourite == true)
        }
        if failuresOnly {
            request = request.filter(HistoryEntry.Columns.outcome == HistoryEntry.Outcome.failed.rawValue)
        }
        if let search, let pattern = FullTextQuery.pattern(for: search) {
            request = request.filter(sql: "id IN (SELECT rowid FROM historyEntry_ft WHERE historyEntry_ft MATCH ?)", arguments: [pattern])
        }
        return request
    }

    /// One page of the filtered entries, newest first.
    var page: QueryInterfaceRequest<HistoryEntry> {
        var request = filtered
        if let beforeID {
            request = request.filter(HistoryEntry.Columns.id < beforeID)
        }
        return request.order(HistoryEntry.Columns.id.desc).limit(max(limit, 0))
    }
}
