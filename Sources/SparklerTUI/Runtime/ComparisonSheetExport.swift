import Foundation
import SparklerCore

/// Writes the grid on screen as a contact sheet: its pictures, labels and every cell's parameters.
struct ComparisonSheetExport {
    let history: HistoryStore
    let backend: String

    func write(_ grid: CompareState, to file: URL) throws {
        let cells = grid.cells.compactMap { cell -> ContactSheet.Cell? in
            let content: ContactSheet.Cell.Content
            switch (cell.status, cell.request) {
            case (.done(let entry), _): content = .entry(entry)
            case (.failed(let message), let request?): content = .failed(request, message: message)
            case (.waiting, let request?), (.running, let request?), (.cancelled, let request?): content = .cancelled(request)
            default: return nil
            }
            return ContactSheet.Cell(row: cell.row, column: cell.column, label: cell.label, content: content)
        }
        let sheet = ContactSheet(rows: grid.rows, columns: grid.columns, cells: cells)
        try sheet.png(history: history, backend: backend).write(to: file, options: .atomic)
    }
}
