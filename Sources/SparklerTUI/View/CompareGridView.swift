import Foundation
import SparklerCore
import SparklerGraphics

/// Where each cell of a comparison goes in the image pane: equal cells, a label row each.
public struct CompareGridLayout: Sendable, Equatable {
    /// The whole cell, label row included.
    public var cells: [Rect]

    public init(area: Rect, rows: Int, columns: Int) {
        let rows = max(rows, 1)
        let columns = max(columns, 1)
        let width = area.width / columns
        let height = area.height / rows
        cells = (0..<(rows * columns)).map { index in
            Rect(x: area.x + (index % columns) * width, y: area.y + (index / columns) * height, width: width, height: height)
        }
    }

    /// The cell at grid position (row, column).
    public func cell(row: Int, column: Int, columns: Int) -> Rect { cells[row * max(columns, 1) + column] }
}

/// The comparison grid: each cell's picture as soon as it arrives, its spinner before, its error if it failed.
struct CompareGridView {
    var theme: Theme
    var pictures: any PictureSource

    func draw(in frame: inout Frame, rect: Rect, grid: CompareState, focused: Bool, now: Date) {
        Box(title: grid.title, focused: focused, hint: focused ? "Enter takes · x exports" : "").draw(in: &frame, rect: rect, theme: theme)
        let layout = CompareGridLayout(area: rect.inset(by: 1), rows: grid.rows, columns: grid.columns)
        let tick = Int(now.timeIntervalSince1970 * 10)
        for (index, cell) in grid.cells.enumerated() {
            let area = layout.cell(row: cell.row, column: cell.column, columns: grid.columns)
            guard area.width >= 3, area.height >= 2 else { continue }
            let selected = index == grid.selected
            let (pictureArea, labelRow) = area.splitTop(area.height - 1)
            let labelStyle = selected ? (focused ? theme.listSelected : theme.listSelectedUnfocused) : theme.textDim
            frame.fill(labelRow, style: labelStyle)
            frame.put((selected ? "▸" : " ") + cell.label, x: labelRow.x, y: labelRow.y, style: labelStyle, limit: labelRow.width)
            let inner = pictureArea.width > 2 ? Rect(x: pictureArea.x + 1, y: pictureArea.y, width: pictureArea.width - 2, height: pictureArea.height) : pictureArea
            switch cell.status {
            case .done(let entry):
                EntryPictureView(theme: theme, pictures: pictures).draw(entry, in: &frame, area: inner)
            case .running:
                let spinner = StatusLineView.spinnerFrames[tick % StatusLineView.spinnerFrames.count]
                centre(&frame, "\(spinner) making", in: inner, style: theme.spinner)
            case .waiting:
                centre(&frame, "waiting", in: inner, style: theme.textDim)
            case .failed(let message):
                centre(&frame, "✗ " + message, in: inner, style: theme.failure)
            case .cancelled:
                centre(&frame, "cancelled", in: inner, style: theme.textDim)
            }
        }
    }

    private func centre(_ frame: inout Frame, _ text: String, in area: Rect, style: Style) {
        guard area.height > 0 else { return }
        let width = min(CharacterWidth.of(text), area.width)
        frame.put(text, x: area.x + (area.width - width) / 2, y: area.y + area.height / 2, style: style, limit: area.width)
    }
}
