/// What the environment variables say about the terminal. The only place that reads TERM and
/// its relatives; `GraphicsDetector` turns this into a decision.
public struct TerminalEnvironment: Sendable, Equatable {
    /// `TERM`, nil when unset or empty.
    public var term: String?
    /// `TERM_PROGRAM` (tmux sets it to `tmux`, hiding the outer terminal's).
    public var termProgram: String?
    /// `COLORTERM`: `truecolor` or `24bit` where the terminal has direct colour.
    public var colorTerm: String?
    /// Inside tmux: `TMUX` is set, or TERM names tmux.
    public var insideTmux: Bool
    /// Inside GNU screen (`STY`), which passes no graphics through.
    public var insideScreen: Bool
    /// `NO_COLOR` is set to anything but the empty string (no-color.org).
    public var noColor: Bool
    /// kitty exports `KITTY_WINDOW_ID` into every shell it starts, tmux or not.
    public var insideKitty: Bool
    /// WezTerm exports `WEZTERM_EXECUTABLE` and `WEZTERM_PANE`, tmux or not.
    public var insideWezTerm: Bool
    /// `LC_TERMINAL`: iTerm2 sets it to `iTerm2`, and ssh passes it on where TERM_PROGRAM is lost.
    public var lcTerminal: String?

    public init(_ environment: [String: String]) {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        term = value("TERM")
        termProgram = value("TERM_PROGRAM")
        colorTerm = value("COLORTERM")
        insideTmux = value("TMUX") != nil || term?.hasPrefix("tmux") == true
        insideScreen = !insideTmux && value("STY") != nil
        noColor = value("NO_COLOR") != nil
        insideKitty = value("KITTY_WINDOW_ID") != nil || term == "xterm-kitty"
        insideWezTerm = value("WEZTERM_EXECUTABLE") != nil || value("WEZTERM_PANE") != nil || termProgram == "WezTerm"
        lcTerminal = value("LC_TERMINAL")
    }

    /// The variable that names a terminal drawing iTerm2 inline images, as messages say it; nil when none does.
    var inlineImageHint: String? {
        if let termProgram, ["iTerm.app", "WezTerm", "vscode", "mintty"].contains(termProgram) { return "TERM_PROGRAM=\(termProgram)" }
        if lcTerminal == "iTerm2" { return "LC_TERMINAL=iTerm2" }
        if insideWezTerm { return "WezTerm (WEZTERM_PANE)" }
        return nil
    }

    /// The variable that claims 24-bit colour, as messages name it: `COLORTERM`, a `*-direct`
    /// TERM, or a terminal known to have it. nil when nothing claims it.
    var directColorClaim: String? {
        if let colorTerm, ["truecolor", "24bit"].contains(colorTerm.lowercased()) { return "COLORTERM=\(colorTerm)" }
        if let term, term.hasSuffix("-direct") { return "TERM=\(term)" }
        if insideKitty { return "kitty" }
        if insideWezTerm { return "WezTerm" }
        if let termProgram, ["iTerm.app", "ghostty", "vscode"].contains(termProgram) { return "TERM_PROGRAM=\(termProgram)" }
        return nil
    }

    /// Why a full-screen program cannot draw here, nil when it can: without TERM, or with `dumb`, curses has no
    /// way to move the cursor and the screen comes out garbled.
    public var fullScreenProblem: String? {
        switch term {
        case nil: "TERM is not set, so the terminal's abilities are unknown"
        case "dumb": "TERM=dumb names a terminal that cannot move the cursor"
        default: nil
        }
    }

    /// `TERM=xterm-256color` as messages show it.
    var termDescription: String { term.map { "TERM=\($0)" } ?? "TERM unset" }
}
