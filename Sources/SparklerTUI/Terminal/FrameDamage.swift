import SparklerGraphics

/// What painting a frame has to redo, given the frame on screen and the pictures shown over it.
struct FrameDamage: Equatable {
    /// Rows whose cells must be written again.
    var rows: [Int]
    /// Where a picture was shown and is gone: curses believes those cells unchanged, but only writing
    /// them again removes the picture. Only these cells are rewritten, never whole rows, so a picture
    /// beside the one that went stays untouched (no flicker when the history's thumbnail changes).
    var areasToRepaint: [Rect]
    /// Pictures to send after the cells: new or changed ones, and those a redrawn row cut through.
    var placementsToSend: [GraphicsPlacement]
    /// Commands to send after the new pictures, for pictures that rewriting cells does not remove (kitty).
    var removals: [String] = []

    /// Everything: nothing on screen can be trusted (first paint, resize, new size), and the pictures
    /// still shown go.
    static func everything(in frame: Frame, removing placementsOnScreen: [GraphicsPlacement] = []) -> FrameDamage {
        FrameDamage(rows: Array(0..<frame.height), areasToRepaint: [], placementsToSend: frame.placements,
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

        var rows = Set<Int>()
        for placement in gone + fresh {
            rows.formUnion(self.rows(of: placement, in: frame))
        }
        for y in 0..<frame.height where !rows.contains(y) {
            let range = y * frame.width..<(y + 1) * frame.width
            if painted.cells[range] != frame.cells[range] { rows.insert(y) }
        }
        let areas = gone.map(\.rect)
        // A sixel picture whose cells are rewritten must be sent again; kitty's stay over the cells.
        let cutThrough = frame.placements.filter { placement in
            placement.removal == nil && !fresh.contains { $0.isSamePicture(as: placement) }
                && areas.contains { $0.intersects(placement.rect) }
        }
        return FrameDamage(rows: rows.sorted(), areasToRepaint: areas, placementsToSend: fresh + cutThrough,
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
