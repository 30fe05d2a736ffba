/// A picture as text for a plain terminal or a file, as `chafa` prints it: symbols as characters
/// with SGR colours, reset at the end of each line that has any (no cursor movement, so `cat` shows it again later);
/// sixel, kitty or iTerm2 as their sequence.
public enum PictureANSIText {
    public static func text(of picture: RenderedPicture) -> String {
        switch picture.content {
        case .sequence(let sequence):
            return sequence + "\n"
        case .cells:
            var output = ""
            for row in picture.pictureRows {
                // Cells in the terminal's own colours need no sequence: a picture without colour (NO_COLOR,
                // TERM=dumb, --colors none) is plain text.
                var current = Style.plain
                var styled = false
                for cell in row {
                    if cell.style != current {
                        output += sgr(cell.style)
                        current = cell.style
                        styled = true
                    }
                    output.append(cell.text)
                }
                output += styled ? "\u{1B}[0m\n" : "\n"
            }
            return output
        }
    }

    /// Resets first, so that nothing from the previous cell carries over.
    static func sgr(_ style: Style) -> String {
        "\u{1B}[0;\(code(style.foreground, isBackground: false));\(code(style.background, isBackground: true))m"
    }

    /// The first 16 colours use the classic codes, which 16-colour terminals understand.
    private static func code(_ color: Color, isBackground: Bool) -> String {
        switch color {
        case .default:
            return isBackground ? "49" : "39"
        case .indexed(let index) where index < 8:
            return String((isBackground ? 40 : 30) + Int(index))
        case .indexed(let index) where index < 16:
            return String((isBackground ? 100 : 90) + Int(index) - 8)
        case .indexed(let index):
            return "\(isBackground ? 48 : 38);5;\(index)"
        case .rgb(let red, let green, let blue):
            return "\(isBackground ? 48 : 38);2;\(red);\(green);\(blue)"
        }
    }
}
