import Foundation
import SparklerCore

/// The effects that read and change history: pages, prompts, marks, deletion, export, entries to reload
/// or edit, and a comparison's contact sheet.
struct HistoryEffects: Sendable {
    let history: HistoryStore
    let inbox: EventInbox
    /// Named on the contact sheet.
    let backendName: String

    private var work: BackgroundWork { BackgroundWork(inbox: inbox) }

    func run(_ effect: Effect) {
        switch effect {
        case .loadHistory(let query, let queryID, let append):
            work.run("read the history") { [history, inbox] in
                let (page, total) = try history.pageAndCount(query)
                inbox.send(.historyLoaded(
                    queryID: queryID, entries: page.entries, append: append, total: total, rows: page.rowCount,
                    unreadable: page.unreadable.map(\.description)))
            }
        case .loadPrompts:
            work.run("read earlier prompts") { [history, inbox] in
                inbox.send(.promptsLoaded(try history.recentPrompts(limit: 400)))
            }
        case .setFavourite(let id, let isFavourite):
            work.run(isFavourite ? "mark entry \(id) as a favourite" : "unmark entry \(id)") { [history, inbox] in
                try history.setFavourite(isFavourite, id: id)
                inbox.send(.actionFinished(message: isFavourite ? "Marked \(id) as a favourite." : "Unmarked \(id).", isError: false, reload: true))
            }
        case .delete(let id):
            work.run("delete entry \(id)") { [history, inbox] in
                try history.delete(id: id)
                inbox.send(.actionFinished(message: "Deleted entry \(id).", isError: false, reload: true))
            }
        case .export(let id, let path):
            work.run("export entry \(id) to \(path)") { [history, inbox] in
                guard let entry = try history.entry(id: id), let data = try history.exportData(for: entry, to: path) else {
                    inbox.send(.actionFinished(message: "Entry \(id) has no picture to export.", isError: true, reload: false))
                    return
                }
                let target = URL(fileURLWithPath: UserPath.expanded(path))
                try data.write(to: target, options: .atomic)
                inbox.send(.actionFinished(message: "Exported \(id) to \(target.path).", isError: false, reload: false))
            }
        case .loadRequest(let id, let run):
            work.run("load entry \(id)") { [history, inbox] in
                guard let entry = try history.entry(id: id) else { return }
                inbox.send(.requestLoaded(try history.request(for: entry, reusingSeed: run), run: run))
            }
        case .prepareEdit(let id):
            work.run("edit entry \(id)") { [history, inbox] in
                guard let entry = try history.entry(id: id), let url = history.imageURL(for: entry) else {
                    inbox.send(.actionFinished(message: "Entry \(id) has no picture to edit.", isError: true, reload: false))
                    return
                }
                inbox.send(.editReady(entryID: id, path: url.path))
            }
        case .loadGroup(let groupID):
            work.run("load the comparison's pictures") { [history, inbox] in
                inbox.send(.groupLoaded(try history.group(groupID)))
            }
        case .exportSheet(let grid, let path):
            work.run("export the grid to \(path)") { [history, inbox, backendName] in
                let target = URL(fileURLWithPath: UserPath.expanded(path))
                try ComparisonSheetExport(history: history, backend: backendName).write(grid, to: target)
                inbox.send(.actionFinished(message: "Exported the grid to \(target.path).", isError: false, reload: false))
            }
        default:
            assertionFailure("not a history effect: \(effect)")
        }
    }
}
