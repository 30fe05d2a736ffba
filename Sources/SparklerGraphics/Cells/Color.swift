/// A terminal colour as views ask for it; the painter maps it to what the terminal can show.
public enum Color: Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case `default`
    /// One of the 256 palette entries (0-15 follow the user's terminal theme).
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The nearest entry of the xterm 256-colour palette, for terminals without direct colour.
    /// Only the 6x6x6 cube and the grey ramp (16-255) are used: 0-15 vary with the user's theme.
    public var nearestIndexed: UInt8 {
        switch self {
        case .default: return 0
        case .indexed(let index): return index
        case .rgb(let r, let g, let b):
            func cubeLevel(_ value: UInt8) -> Int {
                value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40
            }
            let levels = [0, 95, 135, 175, 215, 255]
            let (cr, cg, cb) = (cubeLevel(r), cubeLevel(g), cubeLevel(b))
            let cubeDistance = Self.distance((levels[cr], levels[cg], levels[cb]), (Int(r), Int(g), Int(b)))
            let average = (Int(r) + Int(g) + Int(b)) / 3
            let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
            let grey = 8 + greyStep * 10
            let greyDistance = Self.distance((grey, grey, grey), (Int(r), Int(g), Int(b)))
            return greyDistance < cubeDistance ? UInt8(232 + greyStep) : UInt8(16 + 36 * cr + 6 * cg + cb)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
