/// Everything about the terminal that changes how a picture is rendered: the part of the
/// graphics decision the renderer and the cache need.
public struct PictureFormat: Sendable, Hashable {
    public var mode: GraphicsMode
    public var colorDepth: ColorDepth
    public var symbols: SymbolSet
    /// Sixel or kitty sequences are wrapped in tmux's DCS passthrough.
    public var wrapsForTmux: Bool
    /// One cell in pixels: every picture's size and shape is worked out from it.
    public var cell: PixelSize
    /// The largest sixel picture the terminal draws (XTSMGRAPHICS; xterm stops at 1000x1000), nil when unknown.
    public var sixelLimit: PixelSize?

    public init(
        mode: GraphicsMode, colorDepth: ColorDepth, symbols: SymbolSet = .default, wrapsForTmux: Bool = false,
        cell: PixelSize = CellGeometry.fallback.pixels, sixelLimit: PixelSize? = nil
    ) {
        self.mode = mode
        self.colorDepth = colorDepth
        self.symbols = symbols
        self.wrapsForTmux = wrapsForTmux && mode.isPixelGraphics
        self.cell = cell
        self.sixelLimit = mode == .sixel ? sixelLimit : nil
    }
}
