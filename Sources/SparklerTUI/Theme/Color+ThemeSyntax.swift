import SparklerGraphics

extension Color {
    /// What a theme file may write for a colour, for error messages.
    static let themeSyntax = ##""default", a palette index 0-255 such as "123", or "#rrggbb""##

    /// Reads a theme file's colour: `"default"`, a palette index `"0"`...`"255"`, or `"#rrggbb"`.
    init?(themeValue text: String) {
        if text == "default" {
            self = .default
        } else if let index = UInt8(text) {
            self = .indexed(index)
        } else if text.hasPrefix("#"), text.count == 7, let rgb = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
        } else {
            return nil
        }
    }
}
