import SparklerCore

/// The history browser's update: keys on the list and its search, pages arriving, the picture of an entry.
/// `visibleRows` is how many entries the list shows at once (the layout's business, not the list's);
/// `killRing` is the one all text fields share, for the search's kills and yanks.
extension HistoryPane {
    public mutating func handle(_ key: Key, _ modifiers: Modifiers, visibleRows: Int, killRing: inout KillRing) -> [Reaction] {
        if isSearching { return handleSearchKey(key, modifiers, visibleRows: visibleRows, killRing: &killRing) }
        switch key {
        case .up, .character("k"): return moveSelection(to: selected - 1, visibleRows: visibleRows)
        case .down, .character("j"): return moveSelection(to: selected + 1, visibleRows: visibleRows)
        case .pageUp: return moveSelection(to: selected - visibleRows, visibleRows: visibleRows)
        case .pageDown: return moveSelection(to: selected + visibleRows, visibleRows: visibleRows)
        case .home, .character("g"): return moveSelection(to: 0, visibleRows: visibleRows)
        case .end, .character("G"): return moveSelection(to: rows.count - 1, visibleRows: visibleRows)
        case .character("/"):
            isSearching = true
            return []
        case .character("v"):
            filter = filter.next
            return [.notify(StatusMessage("Showing \(filter.rawValue).", source: .history)), reload()]
        case .escape where !search.text.isEmpty:
            search.replace(with: "")
            return [reload()]
        default:
            break
        }
        guard let row = selectedRow, let id = row.entry.id else { return [] }
        let entry = row.entry
        switch key {
        case .enter where row.isGroup:
            // A group's pictures are seen side by side, in its grid.
            return [.run(.loadGroup(entry.groupID))]
        case .enter:
            return Self.show(entry)
        case .character("e"):
            return [.run(.loadRequest(id, run: false))]
        case .character("r"):
            return [.run(.loadRequest(id, run: true))]
        case .character("f"):
            return [.run(.setFavourite(id, !entry.isFavourite))]
        case .character("d"):
            return [.open(.confirmDelete(id))]
        case .character("x"):
            guard entry.imageHash != nil else {
                return [.notify(StatusMessage("Entry \(id) has no picture to export.", kind: .warning, source: .history))]
            }
            let ext = (entry.imageFormat ?? entry.request.format).fileExtension
            return [.open(.exportPath(id, TextInput("sparkler-\(id).\(ext)")))]
        case .character("c"):
            return compareMarked()
        case .character("o"):
            return [.run(.loadGroup(entry.groupID))]
        case .character("i"):
            guard entry.imageHash != nil else {
                return [.notify(StatusMessage("Entry \(id) has no picture to edit.", kind: .warning, source: .history))]
            }
            return [.run(.prepareEdit(id))]
        case .character(" "):
            if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
            return [.notify(StatusMessage("\(marked.count) marked.", source: .history))]
                + moveSelection(to: selected + 1, visibleRows: visibleRows)
        default:
            return []
        }
    }

    private mutating func handleSearchKey(_ key: Key, _ modifiers: Modifiers, visibleRows: Int, killRing: inout KillRing) -> [Reaction] {
        switch key {
        case .enter, .up, .down:
            isSearching = false
            return key == .enter ? [] : handle(key, modifiers, visibleRows: visibleRows, killRing: &killRing)
        case .escape:
            isSearching = false
            search.replace(with: "")
            return [reload()]
        default:
            let before = search.text
            _ = search.handle(key, modifiers, killRing: &killRing)
            return search.text == before ? [] : [reload()]
        }
    }

    /// Moves the selection, asking for the next page when it comes close to the end of what is loaded.
    public mutating func moveSelection(to index: Int, visibleRows: Int) -> [Reaction] {
        select(index, visibleRows: visibleRows)
        guard wantsNextPage, let last = entries.last?.id else { return [] }
        isLoading = true
        return [.run(.loadHistory(query(before: last), queryID: queryID, append: true))]
    }

    /// Starts the list again from the newest entry (a new search, filter, or a change); a page of the
    /// query it replaces is ignored when it arrives.
    public mutating func reload(selectingNewest: Bool = false) -> Reaction {
        if selectingNewest { followsNewest = true }
        queryID += 1
        isLoading = true
        return .run(.loadHistory(query(), queryID: queryID, append: false))
    }

    /// A page arrived: taken when it answers the newest query.
    public mutating func receive(queryID: Int, entries page: [HistoryEntry], append: Bool, total: Int, rows: Int, visibleRows: Int) {
        guard queryID == self.queryID else { return }
        isLoading = false
        self.total = total
        reachedEnd = rows < Self.pageSize
        if append {
            entries += page
        } else {
            let selectedID = followsNewest ? nil : selectedEntry?.id
            followsNewest = false
            entries = page
            let index = selectedID.flatMap { id in self.rows.firstIndex { $0.entries.contains { $0.id == id } } } ?? 0
            select(index, visibleRows: visibleRows)
        }
    }

    /// The entry's picture in the image pane, or why it has none.
    static func show(_ entry: HistoryEntry) -> [Reaction] {
        let id = entry.id ?? 0
        switch entry.outcome {
        case .success:
            let seed = entry.seed.map(String.init) ?? "?"
            return [.show(entry), .notify(StatusMessage("Entry \(id): seed \(seed). e loads it into the form, r runs it again.", source: .history))]
        case .filtered:
            return [.notify(StatusMessage("Entry \(id) was filtered by the safety check: there is no picture.", kind: .warning, source: .history))]
        case .failed:
            let why = DisplayText.clean(entry.errorMessage ?? "no message")
            return [.notify(StatusMessage("Entry \(id) failed: \(why)", kind: .error, source: .history))]
        }
    }

    /// `c`: the marked entries side by side, whatever their prompts.
    private func compareMarked() -> [Reaction] {
        let chosen = entries.filter { $0.id.map(marked.contains) ?? false }
        guard (2...9).contains(chosen.count) else {
            return [.notify(StatusMessage("Mark 2 to 9 entries with Space to compare them (\(chosen.count) marked).", kind: .warning, source: .history))]
        }
        return [.openGrid(CompareState(entries: chosen, title: "\(chosen.count) marked entries", groupID: nil))]
    }
}
