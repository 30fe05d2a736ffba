import SparklerCore
@testable import SparklerGraphics

/// Synthetic pictures and helpers the graphics tests share.
enum GraphicsTestImages {
    static func solid(width: Int = 64, height: Int = 64, red: UInt8, green: UInt8, blue: UInt8) -> RGBAImage {
        RGBAImage(width: width, height: height, red: red, green: green, blue: blue)!
    }

    /// Black on the left half, white on the right.
    static func blackThenWhite(width: Int = 64, height: Int = 32) -> RGBAImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 4)
        for _ in 0..<height {
            for x in 0..<width {
                let value: UInt8 = x < width / 2 ? 0 : 255
                pixels += [value, value, value, 255]
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)!
    }

    /// The colours a cell shows (its foreground only where a glyph draws it).
    static func visibleColors(_ cell: Cell) -> [Color] {
        let colors = cell.text == " " ? [cell.style.background] : [cell.style.foreground, cell.style.background]
        return colors.filter { $0 != .default }
    }

    /// 0 (black) to 255 (white): the palette's cube and grey ramp for indexed colours.
    static func brightness(_ color: Color) -> Int? {
        switch color {
        case .default: return nil
        case .rgb(let r, let g, let b): return (Int(r) + Int(g) + Int(b)) / 3
        case .indexed(let index) where index >= 232: return 8 + 10 * Int(index - 232)
        case .indexed(let index) where index >= 16:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = Int(index) - 16
            return (levels[cube / 36] + levels[cube / 6 % 6] + levels[cube % 6]) / 3
        case .indexed(let index): return index == 0 ? 0 : index == 15 ? 255 : 128
        }
    }

    static let symbols256 = PictureFormat(mode: .symbols, colorDepth: .palette256)
    static let symbolsTruecolor = PictureFormat(mode: .symbols, colorDepth: .truecolor)
}
