import SparklerGraphics

/// The xterm 256-colour palette as RGB, for terminals that cannot show an index as asked: direct
/// colour terminals (which can only name 0-7 by index) and 8- or 16-colour ones.
enum XtermPalette {
    /// xterm's defaults for the 16 theme colours; the user's theme may differ.
    private static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func rgb(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    /// The nearest of the first `count` (8 or 16) theme colours, by xterm's default values, leaving out
    /// `excluded`. With eight, a clearly coloured colour keeps its hue (the 7 chromatic entries only):
    /// by distance alone a light blue would become white, and the focus colour would look like any border.
    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int, excluding excluded: Int? = nil) -> UInt8 {
        let chroma = Int(max(r, g, b)) - Int(min(r, g, b))
        let candidates = count == 8 && chroma >= 64 ? Array(1...6) : Array(0..<count)
        var best = 0
        var bestDistance = Int.max
        for index in candidates where index != excluded {
            let colour = ansi[index]
            let (dr, dg, db) = (Int(colour.0) - Int(r), Int(colour.1) - Int(g), Int(colour.2) - Int(b))
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return UInt8(best)
    }
}

extension Color {
    /// The colour's red, green and blue by xterm's palette (black for the terminal's default).
    var rgb: (UInt8, UInt8, UInt8) {
        switch self {
        case .default: (0, 0, 0)
        case .indexed(let index): XtermPalette.rgb(index)
        case .rgb(let r, let g, let b): (r, g, b)
        }
    }
}
