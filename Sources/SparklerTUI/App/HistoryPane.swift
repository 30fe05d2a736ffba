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

    /// What is loaded, newest first.
    public var entries: [HistoryEntry] = [] {
        didSet { rows = HistoryRow.grouping(entries) }
    }
    /// The list's rows: an entry, or a group made together (a comparison, a request for several pictures).
    public private(set) var rows: [HistoryRow] = []
    /// The selected row.
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

    public var selectedRow: HistoryRow? {
        rows.indices.contains(selected) ? rows[selected] : nil
    }

    /// The selected row's entry (a group's newest).
    public var selectedEntry: HistoryEntry? { selectedRow?.entry }

    public func query(before id: Int64? = nil) -> HistoryQuery {
        HistoryQuery(
            search: search.text.isEmpty ? nil : search.text,
            favouritesOnly: filter == .favourites, failuresOnly: filter == .failures,
            beforeID: id, limit: Self.pageSize
        )
    }

    /// Moves the selection, keeping it on screen in a list of `visibleRows`.
    public mutating func select(_ index: Int, visibleRows: Int) {
        guard !rows.isEmpty else {
            selected = 0
            scroll = 0
            return
        }
        selected = min(max(index, 0), rows.count - 1)
        let visible = max(visibleRows, 1)
        if selected < scroll { scroll = selected }
        if selected >= scroll + visible { scroll = selected - visible + 1 }
        scroll = min(max(scroll, 0), max(rows.count - visible, 0))
    }

    /// True when the selection is close enough to the end of what is loaded to fetch the next page.
    public var wantsNextPage: Bool {
        !reachedEnd && !isLoading && !rows.isEmpty && selected >= rows.count - Self.pageSize / 4
    }
}

/// One row of the history list: an entry, or the entries of a group made together, newest first.
public struct HistoryRow: Sendable, Equatable {
    public var entries: [HistoryEntry]

    /// The newest: what the row shows and acts on.
    public var entry: HistoryEntry { entries[0] }
    public var isGroup: Bool { entries.count > 1 }

    /// Consecutive entries that share a group become one row (history lists a group's entries together).
    static func grouping(_ entries: [HistoryEntry]) -> [HistoryRow] {
        var rows: [HistoryRow] = []
        for entry in entries {
            if let last = rows.last, last.entry.groupID == entry.groupID {
                rows[rows.count - 1].entries.append(entry)
            } else {
                rows.append(HistoryRow(entries: [entry]))
            }
        }
        return rows
    }
}
