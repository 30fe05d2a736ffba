import Foundation
import SparklerCore

extension AppState {
    /// How many entries the history list shows at once.
    var historyRows: Int {
        guard let pane = layout?.history else { return 10 }
        return max(HistoryPaneLayout(pane: pane).list.height, 1)
    }

    mutating func handleHistoryKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        apply(history.handle(key, modifiers, visibleRows: historyRows))
    }

    mutating func moveSelection(to index: Int) -> [Effect] {
        apply(history.moveSelection(to: index, visibleRows: historyRows))
    }

    /// Starts the list again from the newest entry (a new search, filter, or a change).
    mutating func reloadHistory(selectingNewest: Bool = false) -> [Effect] {
        apply([.reloadHistory(selectingNewest: selectingNewest)])
    }

    mutating func showPicture(of entry: HistoryEntry) {
        _ = apply(HistoryPane.show(entry))
    }
}
