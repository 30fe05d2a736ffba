import CNcurses
import SparklerGraphics

/// Writes frames to the session's screen: only the rows that changed since the last frame, every
/// row after a resize; then the cursor, the graphics placements that are not on screen yet, and the
/// removals of layered pictures that went.
public final class FramePainter {
    /// What ncurses needs to draw a cell in a given style.
    private struct Rendition {
        var attributes: attr_t
        var pair: Int32
    }

    private let session: TerminalSession
    private var colorPairs = ColorPairCache()
    private var renditions: [Style: Rendition] = [:]
    private var painted: Frame?
    private var paintedResizeCount: Int
    private var placementsOnScreen: [GraphicsPlacement] = []
    private var glyphsOnScreen: [OverdrawnGlyph] = []
    private var cursorVisible = false
    /// One grapheme as curses takes it: a spacing character, its combining marks, a terminating 0.
    private var graphemeBuffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    public init(session: TerminalSession) {
        self.session = session
        paintedResizeCount = session.resizeCount
        // Inserting or deleting characters to shift a line would drag pictures along with it.
        idcok(sparkler_stdscr(), false)
    }

    public func paint(_ frame: Frame) {
        if session.resizeCount != paintedResizeCount {
            paintedResizeCount = session.resizeCount
            painted = nil
        }
        var whole = painted == nil
        var damage = painted.map { FrameDamage.between($0, frame, placementsOnScreen: placementsOnScreen) }
            ?? .everything(in: frame, removing: placementsOnScreen)
        if !prepareRenditions(for: frame, rows: damage.rows) {
            // Out of colour pairs: start them afresh, which means painting every cell again.
            colorPairs.reset()
            renditions.removeAll()
            whole = true
            damage = .everything(in: frame, removing: placementsOnScreen)
            _ = prepareRenditions(for: frame, rows: damage.rows, degrading: true)
        }
        write(frame, damage: damage, whole: whole)
    }

    private func write(_ frame: Frame, damage: FrameDamage, whole: Bool) {
        let window = sparkler_stdscr()
        let (screenWidth, screenHeight) = session.size
        if whole {
            werase(window)
            clearok(sparkler_curscr(), true)
        }
        let width = min(frame.width, screenWidth)
        let rows = damage.rows.filter { $0 < screenHeight }
        let glyphs = OverdrawnGlyph.all(in: frame, rows: rows, width: width)
        // curses believes a glyph's cells blank: where one went, they must be written again to remove it.
        let goneGlyphs = whole ? [] : glyphsOnScreen.filter { rows.contains($0.y) && !glyphs.contains($0) }
        forgetScreen(in: damage.areasToRepaint + goneGlyphs.map(\.rect), width: screenWidth, height: screenHeight)
        for y in rows {
            writeRow(y, of: frame, width: width, window: window)
        }
        placeCursor(frame.cursor, width: width, height: min(frame.height, screenHeight), window: window)
        wnoutrefresh(window)
        doupdate()
        // Every glyph of a rewritten row goes again: curses may have cleared the line across its blanks.
        send(glyphs, damage.placementsToSend, removing: damage.removals, window: window)
        glyphsOnScreen = (whole ? [] : glyphsOnScreen.filter { !rows.contains($0.y) }) + glyphs
        placementsOnScreen = frame.placements
        painted = frame
    }

    /// Makes curses believe the cells of `areas` hold something else, so the next update writes them
    /// again: the terminal's copy of those cells is a picture that has gone.
    private func forgetScreen(in areas: [Rect], width: Int, height: Int) {
        guard !areas.isEmpty, let screen = sparkler_curscr() else { return }
        graphemeBuffer[0] = 0xE000
        graphemeBuffer[1] = 0
        var stale = cchar_t()
        setcchar(&stale, graphemeBuffer, sparkler_attr_invisible(), 0, nil)
        for area in areas {
            for y in max(0, area.y)..<max(0, min(area.maxY, height)) {
                for x in max(0, area.x)..<max(0, min(area.maxX, width)) {
                    mvwadd_wch(screen, Int32(y), Int32(x), &stale)
                }
            }
        }
    }

    private func writeRow(_ y: Int, of frame: Frame, width: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let covers = frame.placements.filter { $0.rect.y <= y && y < $0.rect.maxY }
        var previousWasWide = false
        for x in 0..<width {
            if covers.contains(where: { $0.rect.contains(x: x, y: y) }) {
                writePictureCell(x: x, y: y, style: frame[x, y].style, window: window)
                previousWasWide = false
                continue
            }
            let cell = frame[x, y]
            if cell.isContinuation, previousWasWide {
                previousWasWide = false
                continue
            }
            let drawing = CharacterWidth.drawing(of: cell.text)
            // A wide grapheme cut by the screen's edge, a stray continuation or a control character: a blank.
            let drawable = !cell.isContinuation && drawing.columns > 0 && x + drawing.columns <= width
            let rendition = renditions[cell.style] ?? Rendition(attributes: 0, pair: 0)
            if drawable, drawing.curses == nil {
                // An overdrawn glyph's cells: blanks in its style, the glyph goes over them after the update.
                for column in x..<(x + drawing.columns) {
                    write(" ", rendition: rendition, x: column, y: y, window: window)
                }
            } else {
                write(drawable ? drawing.curses ?? " " : " ", rendition: rendition, x: x, y: y, window: window)
            }
            previousWasWide = drawable && drawing.columns == 2
        }
    }

    /// Cells under a picture are invisible blanks in the pane's own colours (what shows through a picture's
    /// transparent padding): never equal to the blank curses erases with, so it will not clear across them to
    /// shorten an update and wipe the picture.
    private func writePictureCell(x: Int, y: Int, style: Style, window: UnsafeMutablePointer<WINDOW>?) {
        let pair = renditions[style]?.pair ?? 0
        write(" ", rendition: Rendition(attributes: sparkler_attr_invisible(), pair: pair), x: x, y: y, window: window)
    }

    private func write(_ text: Character, rendition: Rendition, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        var count = 0
        for scalar in text.unicodeScalars where count < graphemeBuffer.count - 1 {
            graphemeBuffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        graphemeBuffer[count] = 0
        var cell = cchar_t()
        var pair = rendition.pair
        if setcchar(&cell, graphemeBuffer, rendition.attributes, 0, &pair) != OK {
            // A grapheme curses cannot keep in one cell (an emoji sequence): its first character.
            graphemeBuffer[1] = 0
            setcchar(&cell, graphemeBuffer, rendition.attributes, 0, &pair)
        }
        // Writing the bottom-right cell reports an error (the cursor cannot advance) but draws it.
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, width: Int, height: Int, window: UnsafeMutablePointer<WINDOW>?) {
        if let cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
        } else {
            if cursorVisible { curs_set(0) }
            cursorVisible = false
        }
    }

    /// Glyphs and pictures go out after curses has finished, straight to the terminal, each at its top left;
    /// then the pictures that went, so a replaced picture is never missing for a frame. Afterwards the
    /// terminal is put back where curses believes it is: attributes reset, cursor on curses' cursor cell.
    private func send(
        _ glyphs: [OverdrawnGlyph], _ placements: [GraphicsPlacement], removing removals: [String],
        window: UnsafeMutablePointer<WINDOW>?
    ) {
        guard !glyphs.isEmpty || !placements.isEmpty || !removals.isEmpty else { return }
        var output = ""
        for glyph in glyphs {
            output += "\u{1B}[\(glyph.y + 1);\(glyph.x + 1)H" + session.colorMode.graphicRendition(for: glyph.style)
                + String(glyph.character)
        }
        output += "\u{1B}[0m"
        for placement in placements {
            output += "\u{1B}[\(placement.rect.y + 1);\(placement.rect.x + 1)H" + placement.sequence
        }
        output += removals.joined()
        TerminalOutput.send(output + "\u{1B}[0m\u{1B}[\(getcury(window) + 1);\(getcurx(window) + 1)H")
    }

    /// Finds the rendition of every style in the given rows; false when the colour pairs run out
    /// (with `degrading`, styles past that point get the default colours instead).
    private func prepareRenditions(for frame: Frame, rows: [Int], degrading: Bool = false) -> Bool {
        for y in rows {
            for x in 0..<frame.width {
                let style = frame[x, y].style
                if renditions[style] != nil { continue }
                let (foreground, background) = session.colorMode.numbers(foreground: style.foreground, background: style.background)
                guard let pair = colorPairs.pair(foreground: foreground, background: background) ?? (degrading ? 0 : nil) else {
                    return false
                }
                renditions[style] = Rendition(attributes: Self.attributes(of: style), pair: pair)
            }
        }
        return true
    }

    private static func attributes(of style: Style) -> attr_t {
        var attributes: attr_t = 0
        if style.bold { attributes |= sparkler_attr_bold() }
        if style.dim { attributes |= sparkler_attr_dim() }
        if style.italic { attributes |= sparkler_attr_italic() }
        if style.underline { attributes |= sparkler_attr_underline() }
        if style.reverse { attributes |= sparkler_attr_reverse() }
        return attributes
    }
}
