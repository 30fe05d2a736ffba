/// The questions Sparkler asks the terminal at start-up, in one write. DA1 goes last: every terminal
/// answers it, and answers come in order, so its answer means the others have come or never will.
public enum TerminalQuery {
    public static let asked: [(name: String, sequence: String)] = [
        ("cell size (CSI 16 t)", "\u{1B}[16t"),
        ("text area size (CSI 14 t)", "\u{1B}[14t"),
        ("XTVERSION", "\u{1B}[>0q"),
        ("kitty graphics", "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"),
        ("XTSMGRAPHICS colour registers", "\u{1B}[?1;1;0S"),
        ("XTSMGRAPHICS sixel geometry", "\u{1B}[?2;1;0S"),
        ("XTGETTCAP RGB, Tc", "\u{1B}P+q524742;5463\u{1B}\\"),
        ("DA1", "\u{1B}[c"),
    ]

    public static var sequence: String { asked.map(\.sequence).joined() }

    /// Prints each `EmojiSequence` sample at the start of the line and asks where the cursor went
    /// (`CSI 6 n`), then erases the line: the widths this terminal gives them. Sent before `sequence`, so
    /// DA1 still answers last.
    public static var emojiMeasurement: String {
        EmojiSequence.allCases.map { "\r\($0.sample)\u{1B}[6n" }.joined() + "\r\u{1B}[K"
    }

    /// What is asked again after a resize: the cell size where only the terminal knows it, and the sixel
    /// limit, which xterm ties to its window.
    public static func afterResize(_ graphics: TerminalGraphics) -> String {
        (graphics.cell.source == .cellReply ? "\u{1B}[16t" : "") + (graphics.format.sixelLimit != nil ? "\u{1B}[?2;1;0S" : "")
    }
}
