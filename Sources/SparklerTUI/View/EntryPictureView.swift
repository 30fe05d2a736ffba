import SparklerCore
import SparklerGraphics

/// An entry's picture in an area: the picture once it is rendered, a dim "loading…" while it is being
/// rendered, and why not when it cannot be shown. Never a blank area without a reason.
struct EntryPictureView {
    static let loading = "loading…"

    var theme: Theme
    var pictures: any PictureSource

    func draw(_ entry: HistoryEntry, in frame: inout Frame, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        if let picture = pictures.picture(for: entry, columns: area.width, rows: area.height) {
            picture.draw(into: &frame, x: area.x, y: area.y)
        } else if let failure = pictures.failure(for: entry) {
            centre(&frame, "✗ " + failure, in: area, style: theme.failure)
        } else {
            centre(&frame, Self.loading, in: area, style: theme.textDim)
        }
    }

    private func centre(_ frame: inout Frame, _ text: String, in area: Rect, style: Style) {
        let width = min(CharacterWidth.of(text), area.width)
        frame.put(text, x: area.x + (area.width - width) / 2, y: area.y + area.height / 2, style: style, limit: area.width)
    }
}
