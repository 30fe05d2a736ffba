import SparklerCore

/// The history list: pages loaded lazily (newest first), the selection, search and filters, marks.
public struct HistoryPane: Sendable, Equatable {
    public enum Filter: String, Sendable, CaseIterable {
        case all, favourites, failures

        public var next: Filter {
            let all = Filter.allCases
            return all[(all.firstIndex(of: self)! + 1) % all.count]
        }
    }

    public static let pageSize = 200

    public var entries: [HistoryEntry] = []
    public var selected = 0
    /// The first visible row.
    public var scroll = 0
    public var search = TextInput()
    public var isSearching = false
    public var filter: Filter = .all
    public var marked: Set<Int64> = []
    /// No older entries to load.
    public var reachedEnd = false
    public var isLoading = false
    /// Identifies the newest query, so that a page of an abandoned search is ignored.
    public var queryID = 0
    /// How many entries match the current query (all pages).
    public var total: Int?
    /// The next reload selects the newest entry (a picture just made) instead of keeping the selection.
    public var followsNewest = false

    public init() {}

    public var selectedEntry: HistoryEntry? {
        entries.indices.contains(selected) ? entries[selected] : nil
    }

    public func query(before id: Int64? = nil) -> HistoryQuery {
        HistoryQuery(
            search: search.text.isEmpty ? nil : search.text,
            favouritesOnly: filter == .favourites, failuresOnly: filter == .failures,
            beforeID: id, limit: Self.pageSize
        )
    }

    /// Moves the selection, keeping it on screen in a list of `visibleRows`.
    public mutating func select(_ index: Int, visibleRows: Int) {
        guard !entries.isEmpty else {
            selected = 0
            scroll = 0
            return
        }
        selected = min(max(index, 0), entries.count - 1)
        let rows = max(visibleRows, 1)
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        scroll = min(max(scroll, 0), max(entries.count - rows, 0))
    }

    /// True when the selection is close enough to the end of what is loaded to fetch the next page.
    public var wantsNextPage: Bool {
        !reachedEnd && !isLoading && !entries.isEmpty && selected >= entries.count - Self.pageSize / 4
    }
}
