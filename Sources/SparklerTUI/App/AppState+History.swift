import Foundation
import SparklerCore

extension AppState {
    /// How many entries the history list shows at once.
    var historyRows: Int {
        guard let pane = layout?.history else { return 10 }
        return max(HistoryPaneLayout(pane: pane).list.height, 1)
    }

    mutating func handleHistoryKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        if history.isSearching { return handleSearchKey(key, modifiers) }
        switch key {
        case .up, .character("k"): return moveSelection(by: -1)
        case .down, .character("j"): return moveSelection(by: 1)
        case .pageUp: return moveSelection(by: -historyRows)
        case .pageDown: return moveSelection(by: historyRows)
        case .home, .character("g"): return moveSelection(to: 0)
        case .end, .character("G"): return moveSelection(to: history.entries.count - 1)
        case .character("/"):
            history.isSearching = true
            return []
        case .character("v"):
            history.filter = history.filter.next
            status = StatusMessage("Showing \(history.filter.rawValue).")
            return reloadHistory()
        case .escape where !history.search.text.isEmpty:
            history.search.replace(with: "")
            return reloadHistory()
        default:
            break
        }
        guard let entry = history.selectedEntry, let id = entry.id else { return [] }
        switch key {
        case .enter:
            showPicture(of: entry)
            return []
        case .character("e"):
            return [.loadRequest(id, run: false)]
        case .character("r"):
            return [.loadRequest(id, run: true)]
        case .character("f"):
            return [.setFavourite(id, !entry.isFavourite)]
        case .character("d"):
            overlay = .confirmDelete(id)
            return []
        case .character("x"):
            guard entry.imageHash != nil else {
                status = StatusMessage("Entry \(id) has no picture to export.", kind: .warning)
                return []
            }
            let ext = (entry.imageFormat ?? entry.request.format).fileExtension
            overlay = .exportPath(id, TextInput("sparkler-\(id).\(ext)"))
            return []
        case .character("c"):
            return compareMarked()
        case .character("o"):
            return [.loadGroup(entry.groupID)]
        case .character("i"):
            guard entry.imageHash != nil else {
                status = StatusMessage("Entry \(id) has no picture to edit.", kind: .warning)
                return []
            }
            return [.prepareEdit(id)]
        case .character(" "):
            if history.marked.contains(id) { history.marked.remove(id) } else { history.marked.insert(id) }
            status = StatusMessage("\(history.marked.count) marked.")
            return moveSelection(by: 1)
        default:
            return []
        }
    }

    private mutating func handleSearchKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch key {
        case .enter, .up, .down:
            history.isSearching = false
            return key == .enter ? [] : handleHistoryKey(key, modifiers)
        case .escape:
            history.isSearching = false
            history.search.replace(with: "")
            return reloadHistory()
        default:
            let before = history.search.text
            _ = history.search.handle(key, modifiers)
            return history.search.text == before ? [] : reloadHistory()
        }
    }

    mutating func moveSelection(by offset: Int) -> [Effect] {
        moveSelection(to: history.selected + offset)
    }

    mutating func moveSelection(to index: Int) -> [Effect] {
        history.select(index, visibleRows: historyRows)
        return loadNextPageIfNeeded()
    }

    private mutating func loadNextPageIfNeeded() -> [Effect] {
        guard history.wantsNextPage, let last = history.entries.last?.id else { return [] }
        history.isLoading = true
        return [.loadHistory(history.query(before: last), queryID: history.queryID, append: true)]
    }

    /// Starts the list again from the newest entry (a new search, filter, or a change).
    mutating func reloadHistory() -> [Effect] {
        history.queryID += 1
        history.isLoading = true
        return [.loadHistory(history.query(), queryID: history.queryID, append: false)]
    }

    mutating func receiveHistory(queryID: Int, entries: [HistoryEntry], append: Bool, total: Int, rows: Int) {
        guard queryID == history.queryID else { return }
        history.isLoading = false
        history.total = total
        history.reachedEnd = rows < HistoryPane.pageSize
        if append {
            history.entries += entries
        } else {
            let selectedID = history.followsNewest ? nil : history.selectedEntry?.id
            history.followsNewest = false
            history.entries = entries
            let index = selectedID.flatMap { id in entries.firstIndex { $0.id == id } } ?? 0
            history.select(index, visibleRows: historyRows)
        }
    }

    mutating func showPicture(of entry: HistoryEntry) {
        switch entry.outcome {
        case .success:
            picture = entry
            status = StatusMessage("Entry \(entry.id ?? 0): seed \(entry.seed.map(String.init) ?? "?"). e loads it into the form, r runs it again.")
        case .filtered:
            status = StatusMessage("Entry \(entry.id ?? 0) was filtered by the safety check: there is no picture.", kind: .warning)
        case .failed:
            status = StatusMessage("Entry \(entry.id ?? 0) failed: \(DisplayText.clean(entry.errorMessage ?? "no message"))", kind: .error)
        }
    }
}
