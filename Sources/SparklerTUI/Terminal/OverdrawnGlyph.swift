import SparklerGraphics

/// A grapheme curses cannot draw in the columns the terminal gives it (`GraphemeDrawing.curses` is nil):
/// curses writes blanks there and the painter writes the grapheme over them, straight to the terminal.
struct OverdrawnGlyph: Equatable {
    var x: Int
    var y: Int
    var columns: Int
    var character: Character
    var style: Style

    var rect: Rect { Rect(x: x, y: y, width: columns, height: 1) }

    /// The glyphs of `rows`, left of `width` and outside the pictures.
    static func all(in frame: Frame, rows: [Int], width: Int) -> [OverdrawnGlyph] {
        var glyphs: [OverdrawnGlyph] = []
        for y in rows where y < frame.height {
            let covers = frame.placements.filter { $0.rect.y <= y && y < $0.rect.maxY }
            for x in 0..<min(width, frame.width) {
                let cell = frame[x, y]
                guard !cell.isContinuation, EmojiSequence(cell.text) != nil else { continue }
                let drawing = CharacterWidth.drawing(of: cell.text)
                guard drawing.curses == nil, drawing.columns > 0, x + drawing.columns <= width,
                      !covers.contains(where: { $0.rect.contains(x: x, y: y) }) else { continue }
                glyphs.append(OverdrawnGlyph(x: x, y: y, columns: drawing.columns, character: cell.text, style: cell.style))
            }
        }
        return glyphs
    }
}
