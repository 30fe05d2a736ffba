/// The terminfo entry ncurses draws with. Terminals that take 24-bit colour mostly run with a 256-colour
/// TERM (`xterm-256color`, `xterm-kitty`) so that every other program keeps working; ncurses then draws in
/// 256 colours. When the terminal says it takes direct colour (XTGETTCAP `RGB`/`Tc`, or COLORTERM and the
/// terminals known to set it) and TERM's entry stops short of it, ncurses runs with the entry's direct-colour
/// sibling instead (`xterm-direct`, `kitty-direct`, `tmux-direct`, from ncurses-term), which has the same keys.
public struct CursesTerminalType: Sendable, Equatable {
    /// The entry to hand to ncurses; nil to use TERM as it is.
    public var name: String?
    /// How many colours that entry gives; nil where TERM is unset or unknown.
    public var colors: Int?
    /// Why, for `sparkler doctor`.
    public var reason: String

    static let directColors = 1 << 24

    public static func choose(
        environment: [String: String], answers: TerminalAnswers?,
        colorsOf: ((String) -> Int?)? = nil
    ) -> CursesTerminalType {
        let colorsOf = colorsOf ?? { TerminfoColors.count(term: $0, environment: environment) }
        let terminal = TerminalEnvironment(environment)
        guard let term = terminal.term else { return CursesTerminalType(name: nil, colors: nil, reason: "TERM is unset") }
        let colors = colorsOf(term)
        let asIs = CursesTerminalType(name: nil, colors: colors, reason: "TERM=\(term)")
        guard let colors, colors < directColors, !terminal.noColor, !terminal.insideScreen else { return asIs }
        guard let evidence = answers?.hasDirectColor == true ? "the terminal answers XTGETTCAP RGB/Tc" : terminal.directColorClaim
        else { return asIs }
        for sibling in directSiblings(of: term) {
            if let siblingColors = colorsOf(sibling), siblingColors >= directColors {
                return CursesTerminalType(
                    name: sibling, colors: siblingColors, reason: "\(sibling) (direct colour: \(evidence); TERM=\(term) has \(colors) colours)")
            }
        }
        return CursesTerminalType(
            name: nil, colors: colors,
            reason: "TERM=\(term) (direct colour: \(evidence), but no direct-colour entry for it is installed; ncurses-term has them)")
    }

    /// `xterm-256color` → `xterm-direct`; `xterm-kitty` → `kitty-direct`; `tmux-256color` → `tmux-direct`.
    static func directSiblings(of term: String) -> [String] {
        var base = term
        for suffix in ["-256color", "-88color", "-16color", "-color"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        if base.hasPrefix("xterm-") {
            return [String(base.dropFirst("xterm-".count)) + "-direct", "xterm-direct"]
        }
        return [base + "-direct"]
    }
}
