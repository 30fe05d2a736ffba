/// A picture as text for a plain terminal or a file, as `chafa` prints it: symbols as characters
/// with SGR colours, reset at each line's end (no cursor movement, so `cat` shows it again later);
/// sixel, kitty or iTerm2 as their sequence. Cells in the terminal's own colours need no SGR, so a
/// picture without colour (TERM=dumb, NO_COLOR) is plain text.
public enum PictureANSIText {
    public static func text(of picture: RenderedPicture) -> String {
        switch picture.content {
        case .sequence(let sequence):
            return sequence + "\n"
        case .cells:
            var output = ""
            for row in picture.pictureRows {
                // nil: the terminal's own colours, as at the start of every line.
                var current: Style?
                for cell in row {
                    let wanted = cell.style == Style() ? nil : cell.style
                    if wanted != current {
                        output += wanted.map(sgr) ?? "\u{1B}[0m"
                        current = wanted
                    }
                    output.append(cell.text)
                }
                output += current == nil ? "\n" : "\u{1B}[0m\n"
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
