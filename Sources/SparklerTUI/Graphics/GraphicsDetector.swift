import Foundation

/// Decides, in this one place, how pictures are drawn in this terminal: from the environment,
/// chafa's terminal database, ncurses' colour count when there is one, and what the user asked.
/// Nothing else in Sparkler looks at TERM.
public struct GraphicsDetector: Sendable {
    /// `--graphics` or the config: a mode, or `auto`.
    public var preference: GraphicsPreference
    /// `--colors` or the config; nil to detect.
    public var colorPreference: ColorDepth?
    public var symbols: SymbolSet
    /// Whether sixel and kitty may go through tmux's DCS passthrough (tmux needs
    /// `set -g allow-passthrough on`); without it, tmux gets symbols.
    public var allowsTmuxPassthrough: Bool

    public init(
        preference: GraphicsPreference = .auto, colorPreference: ColorDepth? = nil,
        symbols: SymbolSet = .default, allowsTmuxPassthrough: Bool = false
    ) {
        self.preference = preference
        self.colorPreference = colorPreference
        self.symbols = symbols
        self.allowsTmuxPassthrough = allowsTmuxPassthrough
    }

    /// `cursesColorCount` is ncurses' `COLORS` once the screen is up: it bounds what cells can show.
    public func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment, cursesColorCount: Int? = nil
    ) -> TerminalGraphics {
        let terminal = TerminalEnvironment(environment)
        let chafa = ChafaTerminalInfo(environment: environment)
        let (depth, colorReason) = colorDepth(terminal, chafa, cursesColorCount: cursesColorCount)
        let (mode, modeReason) = self.mode(terminal, chafa)
        return TerminalGraphics(
            format: PictureFormat(mode: mode, colorDepth: depth, symbols: symbols, wrapsForTmux: terminal.insideTmux),
            modeReason: modeReason,
            colorReason: colorReason,
            terminal: terminal,
            tmuxPassthroughAllowed: allowsTmuxPassthrough
        )
    }

    private func mode(_ terminal: TerminalEnvironment, _ chafa: ChafaTerminalInfo) -> (GraphicsMode, String) {
        if let forced = preference.forcedMode {
            guard forced.isPixelGraphics else { return (.symbols, "symbols were asked for") }
            if let blocked = multiplexerBlocking(terminal) {
                return (.symbols, "\(forced.rawValue) was asked for, but \(blocked): symbols")
            }
            return (forced, "\(forced.rawValue) was asked for" + (terminal.insideTmux ? ", through tmux passthrough" : ""))
        }
        if terminal.noColor { return (.symbols, "NO_COLOR is set: symbols") }
        if let blocked = multiplexerBlocking(terminal) { return (.symbols, "\(blocked): symbols") }
        if terminal.insideTmux {
            if terminal.insideKitty { return (.kitty, "inside tmux with passthrough, in kitty (KITTY_WINDOW_ID): kitty") }
            if terminal.insideWezTerm { return (.sixel, "inside tmux with passthrough, in WezTerm: sixel") }
            return (.symbols, "inside tmux with passthrough, but the terminal outside is unknown: symbols")
        }
        if terminal.insideKitty { return (.kitty, "kitty (KITTY_WINDOW_ID or TERM=xterm-kitty): kitty") }
        if chafa.hasKitty { return (.kitty, "chafa's terminal database gives \(terminal.termDescription) kitty graphics: kitty") }
        if terminal.insideWezTerm { return (.sixel, "WezTerm: sixel") }
        if chafa.hasSixel { return (.sixel, "chafa's terminal database gives \(terminal.termDescription) sixel: sixel") }
        return (.symbols, "no sixel or kitty known for \(terminal.termDescription): symbols")
    }

    /// Why a multiplexer would swallow sixel or kitty sequences, nil when it would not.
    private func multiplexerBlocking(_ terminal: TerminalEnvironment) -> String? {
        if terminal.insideScreen { return "inside GNU screen, which passes no graphics" }
        if terminal.insideTmux && !allowsTmuxPassthrough { return "inside tmux without passthrough" }
        return nil
    }

    private func colorDepth(
        _ terminal: TerminalEnvironment, _ chafa: ChafaTerminalInfo, cursesColorCount: Int?
    ) -> (ColorDepth, String) {
        if let colorPreference { return (colorPreference, "asked for: \(colorPreference.displayName)") }
        if terminal.noColor { return (.none, "NO_COLOR is set: no colour") }
        if let count = cursesColorCount {
            let depth = ColorDepth(colorCount: count)
            return (depth, "ncurses reports \(count) colours: \(depth.displayName)")
        }
        if terminal.term == "dumb" { return (.none, "TERM=dumb: no colour") }
        if let claim = terminal.directColorClaim {
            // A TRUECOLOR canvas printed for such a terminal comes out with no colour at all.
            guard chafa.hasDirectColor else {
                return (.palette256, "\(claim), but chafa's terminal database has no direct-colour sequence for \(terminal.termDescription): 256 colours")
            }
            return (.truecolor, "\(claim): truecolor")
        }
        guard terminal.term != nil else { return (.palette256, "TERM unset: 256 colours, as chafa assumes") }
        guard chafa.has256Colors else { return (.sixteen, "\(terminal.termDescription) has 16 colours") }
        return (.palette256, "\(terminal.termDescription) without COLORTERM=truecolor: 256 colours")
    }
}
