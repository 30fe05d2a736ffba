/// What painting a frame has to redo, given the frame on screen and the pictures shown over it.
struct FrameDamage: Equatable {
    /// Rows whose cells must be written again.
    var rows: [Int]
    /// Rows the terminal must redraw whole although curses thinks they are unchanged: a picture
    /// was shown there and is gone, and only rewriting the cells removes it.
    var rowsToRedraw: [Int]
    /// Pictures to send after the cells: new or changed ones, and those a redrawn row cut through.
    var placementsToSend: [GraphicsPlacement]
    /// Commands to send after the new pictures, for pictures that rewriting cells does not remove (kitty).
    var removals: [String] = []

    /// Everything: nothing on screen can be trusted (first paint, resize, new size), and the pictures
    /// still shown go.
    static func everything(in frame: Frame, removing placementsOnScreen: [GraphicsPlacement] = []) -> FrameDamage {
        FrameDamage(rows: Array(0..<frame.height), rowsToRedraw: [], placementsToSend: frame.placements,
                    removals: removals(of: placementsOnScreen, keeping: frame.placements))
    }

    static func between(_ painted: Frame, _ frame: Frame, placementsOnScreen: [GraphicsPlacement]) -> FrameDamage {
        guard painted.width == frame.width, painted.height == frame.height else {
            return everything(in: frame, removing: placementsOnScreen)
        }
        let shown = { (placement: GraphicsPlacement) in placementsOnScreen.contains { $0.isSamePicture(as: placement) } }
        let wanted = { (placement: GraphicsPlacement) in frame.placements.contains { $0.isSamePicture(as: placement) } }
        let gone = placementsOnScreen.filter { !wanted($0) }
        let fresh = frame.placements.filter { !shown($0) }

        var rowsToRedraw = Set<Int>()
        for placement in gone {
            rowsToRedraw.formUnion(rows(of: placement, in: frame))
        }
        var rows = rowsToRedraw
        for placement in fresh {
            rows.formUnion(self.rows(of: placement, in: frame))
        }
        for y in 0..<frame.height where !rows.contains(y) {
            let range = y * frame.width..<(y + 1) * frame.width
            if painted.cells[range] != frame.cells[range] { rows.insert(y) }
        }
        // A kitty picture stays over rewritten cells; a sixel one must be sent again.
        let cutThrough = frame.placements.filter { placement in
            placement.removal == nil && !fresh.contains { $0.isSamePicture(as: placement) }
                && !rowsToRedraw.isDisjoint(with: self.rows(of: placement, in: frame))
        }
        return FrameDamage(rows: rows.sorted(), rowsToRedraw: rowsToRedraw.sorted(), placementsToSend: fresh + cutThrough,
                           removals: removals(of: gone, keeping: frame.placements))
    }

    /// Removals of pictures that are going, except those shown again under the same id (moved, or
    /// re-sent after a whole repaint): deleting those would delete the new placement.
    private static func removals(of going: [GraphicsPlacement], keeping shown: [GraphicsPlacement]) -> [String] {
        let kept = Set(shown.compactMap(\.removal))
        return going.compactMap(\.removal).filter { !kept.contains($0) }
    }

    private static func rows(of placement: GraphicsPlacement, in frame: Frame) -> Range<Int> {
        max(placement.rect.y, 0)..<max(min(placement.rect.maxY, frame.height), max(placement.rect.y, 0))
    }
}

extension GraphicsPlacement {
    /// Same place, same picture: what is on screen can stay.
    func isSamePicture(as other: GraphicsPlacement) -> Bool {
        rect == other.rect && key == other.key
    }
}
