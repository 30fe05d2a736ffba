import SparklerCore

/// A picture at sparkler-tiny's native 32x32 as RGB colours (alpha ignored), the form every adherence
/// check reads. Pixel (x, y) covers [x, x + 1) x [y, y + 1) in pixel units; its centre is (x + 0.5, y + 0.5).
struct ColorGrid {
    static let side = 32

    var side: Int { Self.side }
    private let colors: [RGBColor]

    /// Larger or smaller pictures are resampled to 32x32 first (`resized(to:)` averages every source
    /// pixel when shrinking), so the checks measure what the model's native grid would hold.
    init(_ image: RGBAImage) {
        let native = image.resized(to: ImageSize(width: Self.side, height: Self.side))
        colors = (0..<Self.side * Self.side).map { index in
            let offset = index * 4
            return RGBColor(red: Double(native.pixels[offset]), green: Double(native.pixels[offset + 1]),
                            blue: Double(native.pixels[offset + 2]))
        }
    }

    subscript(x: Int, y: Int) -> RGBColor { colors[y * side + x] }

    /// Every pixel as (x, y), row by row.
    var coordinates: [(x: Int, y: Int)] {
        (0..<side).flatMap { y in (0..<side).map { x in (x, y) } }
    }

    /// The pixels of rows `rows`, row by row.
    func pixels(rows: Range<Int>) -> [RGBColor] {
        Array(colors[rows.lowerBound * side..<rows.upperBound * side])
    }

    /// The pixels around the edge, each once.
    var border: [RGBColor] {
        coordinates.filter { $0.x == 0 || $0.y == 0 || $0.x == side - 1 || $0.y == side - 1 }.map { self[$0.x, $0.y] }
    }

    /// A point given in fractions of the side, in pixel units.
    func pixelPoint(_ point: ScenePoint) -> (x: Double, y: Double) {
        (point.x * Double(side), point.y * Double(side))
    }
}

extension Array where Element == RGBColor {
    /// The per-channel median: robust to a few pixels of another colour (a sun, a star, a shape's corner).
    var median: RGBColor {
        RGBColor(red: Self.median(map(\.red)), green: Self.median(map(\.green)), blue: Self.median(map(\.blue)))
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
