/// A picture rendered for one pane: its cells (symbols) or its escape sequence (sixel, kitty),
/// and where in the pane it sits.
public struct RenderedPicture: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// The picture's cells, row by row, `fit.picture.width` to a row.
        case cells([Cell])
        /// What to write with the cursor at the picture's top left; already wrapped for tmux
        /// when the format says so.
        case sequence(String)
    }

    public let fit: PaneFit
    public let format: PictureFormat
    public let content: Content
    /// The caller's name for the picture (its image hash), carried into graphics placements.
    public let key: String

    public init(fit: PaneFit, format: PictureFormat, content: Content, key: String) {
        self.fit = fit
        self.format = format
        self.content = content
        self.key = key
    }

    /// The pane's cell at (x, y): the picture's, or blank around it and under pixel graphics.
    public func cell(x: Int, y: Int) -> Cell {
        guard case .cells(let cells) = content, fit.picture.contains(x: x, y: y) else { return .blank }
        return cells[(y - fit.picture.y) * fit.picture.width + (x - fit.picture.x)]
    }

    /// The picture's own rows, without the blank margins of the pane; empty for pixel graphics.
    public var pictureRows: [ArraySlice<Cell>] {
        guard case .cells(let cells) = content, fit.picture.width > 0 else { return [] }
        return stride(from: 0, to: cells.count, by: fit.picture.width).map { cells[$0..<$0 + fit.picture.width] }
    }

    /// Draws the pane with its top left at (x, y): symbols as cells; sixel or kitty as blank cells
    /// with a placement over them that the painter writes after the cells.
    public func draw(into frame: inout Frame, x: Int, y: Int) {
        for row in 0..<fit.rows {
            for column in 0..<fit.columns {
                frame[x + column, y + row] = cell(x: column, y: row)
            }
        }
        guard case .sequence(let sequence) = content, !fit.picture.isEmpty else { return }
        let rect = Rect(x: x + fit.picture.x, y: y + fit.picture.y, width: fit.picture.width, height: fit.picture.height)
        frame.placements.append(GraphicsPlacement(rect: rect, sequence: sequence, key: placementKey, removal: removal(at: rect)))
    }

    /// Kitty's delete command for the placements over the rectangle's top left cell (1-based), freeing
    /// the picture's data too; nil for sixel.
    private func removal(at rect: Rect) -> String? {
        guard format.mode == .kitty else { return nil }
        let command = "\u{1B}_Ga=d,d=P,x=\(rect.x + 1),y=\(rect.y + 1)\u{1B}\\"
        return format.wrapsForTmux ? TmuxPassthrough.wrap(command) : command
    }

    /// Names the picture, its size and its mode, so the painter re-sends only what changed.
    public var placementKey: String {
        "\(key)@\(fit.picture.width)x\(fit.picture.height)/\(format.mode.rawValue)"
    }

    /// Roughly how much memory the picture holds, for the cache's bound.
    var byteCount: Int {
        switch content {
        case .cells(let cells): cells.count * MemoryLayout<Cell>.stride
        case .sequence(let sequence): sequence.utf8.count
        }
    }
}
