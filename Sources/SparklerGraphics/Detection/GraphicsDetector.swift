import Foundation

/// Decides, in this one place, how pictures are drawn in this terminal: from what the terminal answered
/// when asked (`TerminalProbe`), ncurses' colour count when there is one, the environment as a hint where
/// the terminal said nothing, and what the user asked for. Nothing else in Sparkler looks at TERM.
public struct GraphicsDetector: Sendable {
    /// `--graphics` or the config: a mode, or `auto`.
    public var preference: GraphicsPreference
    /// `--colors` or the config; nil to detect.
    public var colorPreference: ColorDepth?
    public var symbols: SymbolSet
    /// Whether pixel pictures may go through tmux's DCS passthrough (tmux needs
    /// `set -g allow-passthrough on`); without it, tmux gets what tmux itself draws.
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

    /// `answers` is nil when the terminal was not asked (no terminal, or output to a file); `window` gives the
    /// cell size where the kernel knows it; `cursesColorCount` is ncurses' `COLORS` once the screen is up, with
    /// `cursesTerminal`, the entry it came from.
    public func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment, answers: TerminalAnswers? = nil,
        window: TerminalWindow? = nil, cursesColorCount: Int? = nil, cursesTerminal: CursesTerminalType? = nil
    ) -> TerminalGraphics {
        let terminal = TerminalEnvironment(environment)
        let chafa = ChafaTerminalInfo(environment: environment)
        let (depth, colorReason) = colorDepth(
            terminal, chafa, answers, environment: environment, cursesColorCount: cursesColorCount, cursesTerminal: cursesTerminal)
        let (mode, throughPassthrough, modeReason) = self.mode(terminal, chafa, answers)
        let cell = CellGeometry.resolve(window: window, answers: answers)
        return TerminalGraphics(
            format: PictureFormat(
                mode: mode, colorDepth: depth, symbols: symbols, wrapsForTmux: throughPassthrough, cell: cell.pixels,
                sixelLimit: answers?.sixelLimit),
            modeReason: modeReason,
            colorReason: colorReason,
            cell: cell,
            answers: answers,
            terminal: terminal,
            tmuxPassthroughAllowed: allowsTmuxPassthrough
        )
    }

    private func mode(
        _ terminal: TerminalEnvironment, _ chafa: ChafaTerminalInfo, _ answers: TerminalAnswers?
    ) -> (GraphicsMode, passthrough: Bool, reason: String) {
        if let forced = preference.forcedMode {
            guard forced.isPixelGraphics else { return (.symbols, false, "symbols were asked for") }
            if terminal.insideScreen { return (.symbols, false, "\(forced.rawValue) was asked for, but GNU screen passes no graphics: symbols") }
            if terminal.insideTmux {
                if forced == .sixel, answers?.hasSixel == true { return (.sixel, false, "sixel was asked for; tmux draws sixel itself") }
                guard allowsTmuxPassthrough else {
                    return (.symbols, false, "\(forced.rawValue) was asked for, but inside tmux without passthrough: symbols")
                }
                return (forced, true, "\(forced.rawValue) was asked for, through tmux passthrough")
            }
            return (forced, false, "\(forced.rawValue) was asked for")
        }
        if terminal.noColor { return (.symbols, false, "NO_COLOR is set: symbols") }
        if terminal.insideScreen { return (.symbols, false, "inside GNU screen, which passes no graphics: symbols") }
        if terminal.insideTmux { return tmuxMode(terminal, answers) }
        if let answers, answers.primaryAttributes != nil || answers.answeredAnything {
            return answeredMode(terminal, answers)
        }
        let silence = answers == nil ? "the terminal was not asked" : "the terminal did not answer within 150 ms"
        if let hint = hintedMode(terminal, chafa) { return (hint.mode, false, "\(silence); \(hint.reason)") }
        return (.symbols, false, "\(silence), and no sixel, kitty or iTerm2 terminal is known for \(terminal.termDescription): symbols")
    }

    /// The terminal's own answers decide; the environment only names iTerm2-image terminals that do not say
    /// so themselves (an old iTerm2 has no XTVERSION).
    private func answeredMode(_ terminal: TerminalEnvironment, _ answers: TerminalAnswers) -> (GraphicsMode, Bool, String) {
        if answers.kittyGraphics == true { return (.kitty, false, "the terminal answered the kitty graphics query with OK: kitty") }
        if let version = answers.version, let name = Self.inlineImageTerminal(version: version) {
            return (.iterm2, false, "XTVERSION says \(version) (\(name) draws iTerm2 inline images): iterm2")
        }
        let attributes = answers.primaryAttributes.map { "DA1 ?\($0.map(String.init).joined(separator: ";"))c" } ?? "no DA1"
        if answers.hasSixel { return (.sixel, false, "\(attributes) lists attribute 4, sixel: sixel") }
        if let hint = terminal.inlineImageHint {
            return (.iterm2, false, "\(hint) draws iTerm2 inline images (the terminal's answers name no graphics): iterm2")
        }
        let version = answers.version.map { " (\($0))" } ?? ""
        return (.symbols, false, "the terminal\(version) answered \(attributes), without sixel or kitty graphics: symbols")
    }

    /// Inside tmux the answers are tmux's: it draws sixel itself when built with it (3.4+ answers DA1 with 4);
    /// anything else reaches the outer terminal only through passthrough, chosen from the outer terminal's hints.
    private func tmuxMode(_ terminal: TerminalEnvironment, _ answers: TerminalAnswers?) -> (GraphicsMode, Bool, String) {
        if answers?.hasSixel == true { return (.sixel, false, "inside tmux, which answers DA1 with attribute 4 and draws sixel itself: sixel") }
        guard allowsTmuxPassthrough else { return (.symbols, false, "inside tmux without passthrough: symbols") }
        if terminal.insideKitty { return (.kitty, true, "inside tmux with passthrough, in kitty (KITTY_WINDOW_ID): kitty") }
        if let hint = terminal.inlineImageHint { return (.iterm2, true, "inside tmux with passthrough, in \(hint): iterm2") }
        return (.symbols, false, "inside tmux with passthrough, but the terminal outside is unknown: symbols")
    }

    /// What the environment says where the terminal said nothing.
    private func hintedMode(_ terminal: TerminalEnvironment, _ chafa: ChafaTerminalInfo) -> (mode: GraphicsMode, reason: String)? {
        if terminal.insideKitty { return (.kitty, "kitty by its environment (KITTY_WINDOW_ID or TERM=xterm-kitty): kitty") }
        if let hint = terminal.inlineImageHint { return (.iterm2, "\(hint) draws iTerm2 inline images: iterm2") }
        if chafa.hasKitty { return (.kitty, "chafa's terminal database gives \(terminal.termDescription) kitty graphics: kitty") }
        if chafa.hasSixel { return (.sixel, "chafa's terminal database gives \(terminal.termDescription) sixel: sixel") }
        return nil
    }

    /// Terminals whose XTVERSION names them and that draw iTerm2 inline images.
    static func inlineImageTerminal(version: String) -> String? {
        ["iTerm2", "WezTerm", "mintty"].first { version.hasPrefix($0) }
    }

    private func colorDepth(
        _ terminal: TerminalEnvironment, _ chafa: ChafaTerminalInfo, _ answers: TerminalAnswers?, environment: [String: String],
        cursesColorCount: Int?, cursesTerminal: CursesTerminalType?
    ) -> (ColorDepth, String) {
        if let colorPreference { return (colorPreference, "asked for: \(colorPreference.displayName)") }
        if terminal.noColor { return (.none, "NO_COLOR is set: no colour") }
        if let count = cursesColorCount {
            let depth = ColorDepth(colorCount: count)
            let entry = cursesTerminal?.reason ?? terminal.termDescription
            return (depth, "ncurses reports \(count) colours for \(entry): \(depth.displayName)")
        }
        if terminal.term == "dumb" { return (.none, "TERM=dumb: no colour") }
        if answers?.hasDirectColor == true { return (.truecolor, "the terminal answers XTGETTCAP RGB/Tc: truecolor") }
        if let claim = terminal.directColorClaim {
            // A TRUECOLOR canvas printed for such a terminal comes out with no colour at all.
            guard chafa.hasDirectColor else {
                return (.palette256, "\(claim), but chafa's terminal database has no direct-colour sequence for \(terminal.termDescription): 256 colours")
            }
            return (.truecolor, "\(claim): truecolor")
        }
        if let count = TerminfoColors.count(term: terminal.term, environment: environment) {
            let depth = ColorDepth(colorCount: count)
            return (depth, "terminfo gives \(terminal.termDescription) \(count) colours: \(depth.displayName)")
        }
        guard terminal.term != nil else { return (.palette256, "TERM unset: 256 colours, as chafa assumes") }
        guard chafa.has256Colors else { return (.sixteen, "\(terminal.termDescription) has 16 colours") }
        return (.palette256, "\(terminal.termDescription) without COLORTERM=truecolor: 256 colours")
    }
}
