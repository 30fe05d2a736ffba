/// The one graphics decision for this terminal, made by `GraphicsDetector` and asked by
/// everything that draws pictures. Each part carries the reason `sparkler doctor` shows.
public struct TerminalGraphics: Sendable, Equatable {
    public var format: PictureFormat
    /// Why this mode, e.g. "inside tmux without passthrough: symbols".
    public var modeReason: String
    /// Why this colour depth, e.g. "COLORTERM=truecolor: truecolor".
    public var colorReason: String
    /// One cell in pixels, and where that came from.
    public var cell: CellGeometry
    /// What the terminal answered at start-up; nil when it was not asked.
    public var answers: TerminalAnswers?
    /// What the decision was made from.
    public var terminal: TerminalEnvironment
    /// Whether the user allowed sixel and kitty through tmux's passthrough.
    public var tmuxPassthroughAllowed: Bool

    public var mode: GraphicsMode { format.mode }
    public var colorDepth: ColorDepth { format.colorDepth }
    public var symbols: SymbolSet { format.symbols }
}
