import CNcurses

/// How many colours a terminal's terminfo entry gives (`colors`), read without starting ncurses: what
/// `sparkler doctor` and `render` use where the playground has ncurses' own `COLORS`.
public enum TerminfoColors {
    public static func count(term: String?) -> Int? {
        guard let term else { return nil }
        let colors = sparkler_terminfo_colors(term)
        return colors >= 0 ? Int(colors) : nil
    }
}
