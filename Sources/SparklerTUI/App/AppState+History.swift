import Foundation
import SparklerCore

extension AppState {
    /// How many entries the history list shows at once.
    var historyRows: Int {
        guard let pane = layout?.history else { return 10 }
        return max(HistoryPaneLayout(pane: pane).list.height, 1)
    }

    mutating func handleHistoryKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        let reactions = history.handle(key, modifiers, visibleRows: historyRows, killRing: &killRing)
        let effects = apply(reactions)
        for case .show(let entry) in reactions { leaveHistoryIfItHides(entry) }
        return effects
    }

    /// Where the history takes the image pane's place (narrow terminals), a picture asked for could not be
    /// seen: the focus leaves the list so that the image pane shows it; Shift-Tab goes back, the selection kept.
    mutating func leaveHistoryIfItHides(_ shown: HistoryEntry) {
        guard focus == .history, let layout, layout.image.width == 0, let id = shown.id, picture?.id == id else { return }
        focus = .prompt
        status = StatusMessage("Entry \(id) shown. Shift-Tab goes back to the history (e loads it, r runs it again).", source: .history)
    }

    mutating func moveSelection(to index: Int) -> [Effect] {
        apply(history.moveSelection(to: index, visibleRows: historyRows))
    }

    /// Starts the list again from the newest entry (a new search, filter, or a change).
    mutating func reloadHistory(selectingNewest: Bool = false) -> [Effect] {
        apply([.reloadHistory(selectingNewest: selectingNewest)])
    }

}
