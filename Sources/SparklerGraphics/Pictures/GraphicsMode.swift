/// How a picture reaches the terminal.
public enum GraphicsMode: String, Sendable, Hashable, CaseIterable {
    /// Character cells with colours: works in every terminal, inside tmux too.
    case symbols
    /// DEC sixel graphics, an escape sequence drawn over a rectangle of cells.
    case sixel
    /// The kitty graphics protocol, an escape sequence drawn over a rectangle of cells.
    case kitty
    /// iTerm2's inline images (OSC 1337), which iTerm2, WezTerm, VS Code's terminal and mintty draw.
    case iterm2

    /// Whether the picture travels as an escape sequence rather than as cells.
    public var isPixelGraphics: Bool { self != .symbols }
}

/// What the user asked for with `--graphics` or the config: a mode, or `auto` to detect one.
public enum GraphicsPreference: String, Sendable, Hashable, CaseIterable {
    case auto
    case symbols
    case sixel
    case kitty
    case iterm2

    var forcedMode: GraphicsMode? {
        switch self {
        case .auto: nil
        case .symbols: .symbols
        case .sixel: .sixel
        case .kitty: .kitty
        case .iterm2: .iterm2
        }
    }
}
