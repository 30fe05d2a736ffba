import SparklerGraphics

/// What colours the terminal can show, from its terminfo entry's colour count.
public enum ColorMode: Sendable, Equatable {
    case monochrome
    case ansi8
    case ansi16
    case indexed256
    /// 24-bit colour through ordinary colour pairs (TERM=xterm-direct, tmux-direct).
    case direct

    public init(colorCount: Int) {
        switch colorCount {
        case (1 << 24)...: self = .direct
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .monochrome
        }
    }

    /// The ncurses colour number for `color`: -1 for the terminal's default, 0xRRGGBB in direct mode.
    func number(for color: Color) -> Int32 {
        switch (self, color) {
        case (.monochrome, _), (_, .default):
            return -1
        case (.direct, .indexed(let index)) where index < 8:
            return Int32(index)
        case (.direct, .indexed(let index)):
            let (r, g, b) = XtermPalette.rgb(index)
            return Self.direct(r, g, b)
        case (.direct, .rgb(let r, let g, let b)):
            return Self.direct(r, g, b)
        case (.indexed256, _):
            return Int32(color.nearestIndexed)
        case (.ansi16, .indexed(let index)) where index < 16, (.ansi8, .indexed(let index)) where index < 8:
            return Int32(index)
        case (.ansi8, .indexed(let index)) where index < 16:
            return Int32(index - 8)
        case (.ansi16, .indexed(let index)), (.ansi8, .indexed(let index)):
            let (r, g, b) = XtermPalette.rgb(index)
            return Int32(XtermPalette.nearestANSI(r, g, b, count: self == .ansi16 ? 16 : 8))
        case (.ansi16, .rgb(let r, let g, let b)), (.ansi8, .rgb(let r, let g, let b)):
            return Int32(XtermPalette.nearestANSI(r, g, b, count: self == .ansi16 ? 16 : 8))
        }
    }

    /// The ncurses colour numbers for a style. With 8 or 16 colours, near colours collapse: a dim border on
    /// a dark background would both become black and vanish, so a foreground that lands on its background's
    /// colour is moved to the nearest one that shows (with 8: white on the dark entries, black on the light).
    func numbers(foreground: Color, background: Color) -> (foreground: Int32, background: Int32) {
        let (front, back) = (number(for: foreground), number(for: background))
        guard front == back, front >= 0, self == .ansi8 || self == .ansi16 else { return (front, back) }
        if self == .ansi8 { return ([0, 1, 4, 5].contains(back) ? 7 : 0, back) }
        let (r, g, b) = foreground.rgb
        return (Int32(XtermPalette.nearestANSI(r, g, b, count: 16, excluding: Int(back))), back)
    }

    /// The SGR sequence that sets `style`, for what is written past curses (`OverdrawnGlyph`).
    func graphicRendition(for style: Style) -> String {
        let (front, back) = numbers(foreground: style.foreground, background: style.background)
        let flags = [(style.bold, "1"), (style.dim, "2"), (style.italic, "3"), (style.underline, "4"), (style.reverse, "7")]
        let parts = ["0"] + flags.filter(\.0).map(\.1) + [colorParameter(front, base: 30), colorParameter(back, base: 40)]
        return "\u{1B}[" + parts.joined(separator: ";") + "m"
    }

    private func colorParameter(_ number: Int32, base: Int) -> String {
        switch number {
        case ..<0: "\(base + 9)"
        case 0..<8: "\(base + Int(number))"
        case 8..<16 where self != .direct: "\(base + 60 + Int(number) - 8)"
        case _ where self == .direct: "\(base + 8);2;\(number >> 16 & 0xFF);\(number >> 8 & 0xFF);\(number & 0xFF)"
        default: "\(base + 8);5;\(number)"
        }
    }

    /// Direct-colour terminfo entries read values 0-7 as the theme's ANSI colours, so the darkest
    /// blues are lifted by a step to stay true colours.
    private static func direct(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(Int32(r) << 16 | Int32(g) << 8 | Int32(b), 8)
    }
}
