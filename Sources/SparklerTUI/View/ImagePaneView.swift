import SparklerCore
import SparklerGraphics

/// The picture, as large as the pane allows, or what to do to get one.
struct ImagePaneView {
    var theme: Theme
    var pictures: any PictureSource

    func draw(in frame: inout Frame, rect: Rect, state: AppState) {
        guard !rect.isEmpty else { return }
        if let grid = state.compare {
            CompareGridView(theme: theme, pictures: pictures).draw(in: &frame, rect: rect, grid: grid, focused: state.focus == .compare, now: state.now)
            return
        }
        var title = "Image"
        if let run = state.generation, run.preview != nil, let progress = run.progress {
            title += " · preview, step \(progress.step)/\(progress.total)"
        } else if let run = state.generation, let remote = run.remoteStatus {
            title += " · \(remote) · Esc cancels"
        } else if let entry = state.picture, let id = entry.id {
            title += " · #\(id)" + (entry.seed.map { " seed \($0)" } ?? "")
        }
        Box(title: title, focused: false).draw(in: &frame, rect: rect, theme: theme)
        let inside = rect.inset(by: 1)
        guard !inside.isEmpty else { return }
        if let run = state.generation, let preview = run.preview,
           let picture = pictures.picture(for: preview, key: run.previewKey, columns: inside.width, rows: inside.height) {
            picture.draw(into: &frame, x: inside.x, y: inside.y)
            return
        }
        // The finished picture is rendered off the UI thread; until it is, the run's last preview stays.
        if let entry = state.picture, let last = state.lastPreview,
           pictures.picture(for: entry, columns: inside.width, rows: inside.height) == nil, pictures.failure(for: entry) == nil,
           let preview = pictures.picture(for: last.image, key: last.key, columns: inside.width, rows: inside.height) {
            preview.draw(into: &frame, x: inside.x, y: inside.y)
            return
        }
        if let entry = state.picture {
            EntryPictureView(theme: theme, pictures: pictures).draw(entry, in: &frame, area: inside)
            return
        }
        var lines = ["Your picture appears here."]
        if case .unavailable(let reason) = state.backend {
            lines.append("")
            lines += wrap(reason, width: inside.width - 2)
        } else {
            lines.append("Type a prompt and press Enter.")
        }
        let top = inside.y + max(0, (inside.height - lines.count) / 2)
        for (index, line) in lines.prefix(inside.height).enumerated() {
            let x = inside.x + max(0, (inside.width - CharacterWidth.of(line)) / 2)
            frame.put(line, x: x, y: top + index, style: theme.textDim, limit: inside.maxX - x)
        }
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        guard width > 10 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, CharacterWidth.of(line) + 1 + CharacterWidth.of(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
