/// A picture rendered for one pane: its cells (symbols) or its escape sequence (sixel, kitty),
/// and where in the pane it sits. The playground draws it into its frame (`RenderedPicture+Frame` in the TUI).
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

    /// Kitty's delete command for this picture's image id, freeing its data too; nil for the other modes,
    /// whose pixels the cells written over them replace.
    public var removal: String? {
        guard format.mode == .kitty else { return nil }
        let command = KittyImage.deletion(id: KittyImage.id(for: placementKey))
        return format.wrapsForTmux ? TmuxPassthrough.wrap(command) : command
    }

    /// Names the picture, its size and its mode, so the painter re-sends only what changed.
    public var placementKey: String { Self.placementKey(key: key, fit: fit, mode: format.mode) }

    static func placementKey(key: String, fit: PaneFit, mode: GraphicsMode) -> String {
        "\(key)@\(fit.picture.width)x\(fit.picture.height)/\(mode.rawValue)"
    }

    /// Roughly how much memory the picture holds, for the cache's bound.
    var byteCount: Int {
        switch content {
        case .cells(let cells): cells.count * MemoryLayout<Cell>.stride
        case .sequence(let sequence): sequence.utf8.count
        }
    }
}
