import Foundation
import SparklerCore
import SparklerGraphics

/// The history list, newest first, with the selected entry's small picture and parameters.
struct HistoryPaneView {
    var theme: Theme
    var pictures: any PictureSource

    /// Returns the cursor when the search is being typed.
    func draw(in frame: inout Frame, rect: Rect, state: AppState) -> (x: Int, y: Int)? {
        let focused = state.focus == .history
        let history = state.history
        Box(title: "History", focused: focused, hint: focused ? "/ search" : "").draw(in: &frame, rect: rect, theme: theme)
        guard rect.width > 4, rect.height > 4 else { return nil }
        let layout = HistoryPaneLayout(pane: rect)
        let cursor = drawSearchLine(&frame, rect: layout.search, history: history)

        if history.rows.isEmpty {
            let message = history.isLoading ? "Loading…"
                : history.search.text.isEmpty && history.filter == .all ? "Nothing yet: your pictures will be listed here."
                : "Nothing matches."
            frame.put(message, x: layout.list.x + 1, y: layout.list.y, style: theme.textDim, limit: layout.list.width - 1)
            return cursor
        }
        for (offset, row) in history.rows.dropFirst(history.scroll).prefix(layout.list.height).enumerated() {
            let index = history.scroll + offset
            drawRow(&frame, row: row, y: layout.list.y + offset, rect: layout.list,
                    selected: index == history.selected, focused: focused, marked: row.entry.id.map(history.marked.contains) ?? false)
        }
        if let detail = layout.detail, let row = history.selectedRow {
            let entry = row.entry
            let edits = history.entries.filter { $0.editedEntryID != nil && $0.editedEntryID == entry.id }.compactMap(\.id)
            drawDetail(&frame, rect: detail, entry: entry, edits: edits.sorted(), group: row.isGroup ? row.entries.count : nil)
        }
        return cursor
    }

    private func drawSearchLine(_ frame: inout Frame, rect: Rect, history: HistoryPane) -> (x: Int, y: Int)? {
        if history.isSearching || !history.search.text.isEmpty {
            frame.put("/", x: rect.x, y: rect.y, style: theme.search)
            let field = TextFieldView(input: history.search, placeholder: "search prompts", focused: history.isSearching)
            return field.draw(in: &frame, rect: Rect(x: rect.x + 2, y: rect.y, width: rect.width - 2, height: 1), theme: theme)
        }
        var summary = history.total.map { "\($0) \($0 == 1 ? "entry" : "entries")" } ?? ""
        if history.filter != .all { summary += " · \(history.filter.rawValue)" }
        if !history.marked.isEmpty { summary += " · \(history.marked.count) marked" }
        frame.put(summary, x: rect.x, y: rect.y, style: theme.textDim, limit: rect.width)
        return nil
    }

    private func drawRow(_ frame: inout Frame, row: HistoryRow, y: Int, rect: Rect, selected: Bool, focused: Bool, marked: Bool) {
        let entry = row.entry
        let base = selected ? (focused ? theme.listSelected : theme.listSelectedUnfocused) : theme.listItem
        frame.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
        var x = rect.x
        x += frame.put(selected ? "▸" : " ", x: x, y: y, style: base)
        x += frame.put(marked ? "•" : " ", x: x, y: y, style: marked ? theme.marked : base)
        x += frame.put(Self.time(entry.createdAt) + " ", x: x, y: y, style: selected ? base : theme.listTime)
        let mark: (String, Style) = switch entry.outcome {
        case _ where row.isGroup: ("▦", base)
        case .failed: ("✗", theme.failure)
        case .filtered: ("⊘", theme.filtered)
        case .success: entry.isFavourite ? ("★", theme.favourite) : (" ", base)
        }
        x += frame.put(mark.0 + " ", x: x, y: y, style: selected ? base : mark.1)
        if row.isGroup { x += frame.put("\(row.entries.count)× ", x: x, y: y, style: selected ? base : theme.listTime) }
        // A row shows a line's worth: cleaning a whole prompt of megabytes every frame would freeze the screen.
        frame.put(DisplayText.clean(String(entry.prompt.prefix(rect.width))), x: x, y: y, style: base, limit: rect.maxX - x)
    }

    /// `edits`: the loaded entries that edit this one's picture, which with `editedEntryID` shows the chain.
    /// `group`: how many pictures the row's group holds, when it is one.
    private func drawDetail(_ frame: inout Frame, rect: Rect, entry: HistoryEntry, edits: [Int64], group: Int?) {
        frame.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: theme.border)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let pictureWidth = entry.outcome == .success ? min(body.width / 2, body.height * 2) : 0
        if pictureWidth > 2 {
            let area = Rect(x: body.x, y: body.y, width: pictureWidth, height: body.height)
            EntryPictureView(theme: theme, pictures: pictures).draw(entry, in: &frame, area: area)
        }
        let textX = body.x + (pictureWidth > 2 ? pictureWidth + 1 : 0)
        let request = entry.request
        var lines: [String] = ["#\(entry.id ?? 0) \(entry.outcome.rawValue)", DisplayText.clean(String(entry.prompt.prefix(rect.width)))]
        if let group { lines.insert("\(group) pictures made together: Enter opens their grid", at: 1) }
        if let source = entry.editedEntryID { lines.append("✎ edit of #\(source)") }
        if !edits.isEmpty { lines.append("edited into " + edits.map { "#\($0)" }.joined(separator: ", ")) }
        lines.append("seed \(entry.seed.map(String.init) ?? "—")")
        if let shape = request.shape { lines.append(shape.description) }
        // Only what the request set: Kontext has no cfg, steps or sampler.
        let tuning = [request.cfgScale.map { "cfg \(RequestValidator.format($0))" }, request.steps.map { "\($0) steps" }].compactMap { $0 }
        if !tuning.isEmpty { lines.append(tuning.joined(separator: " · ")) }
        if request.cfgScale != nil { lines.append(request.sampler?.rawValue ?? "default sampler") }
        lines.append(String(entry.model.split(separator: "/").last ?? ""))
        if let message = entry.errorMessage { lines.append(DisplayText.clean(message)) }
        for (index, line) in lines.prefix(body.height).enumerated() {
            frame.put(line, x: textX, y: body.y + index, style: index == 0 ? theme.text : theme.textDim, limit: body.maxX - textX)
        }
    }

    /// `09:41` for today, `11-24` before (local time). Drawn for every visible row of every frame: `DateText`,
    /// not Foundation's Calendar.
    static func time(_ date: Date, now: Date = Date()) -> String {
        let local = DateText.Local(date)
        return local.isSameDay(as: DateText.Local(now)) ? local.minuteText : local.monthDayText
    }
}
