import SparklerCore

/// A rectangle of pixels in a screenshot: `x..<x+width` by `y..<y+height`.
struct ScreenRect: Equatable, Hashable, Sendable, CustomStringConvertible {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxX: Int { x + width }
    var maxY: Int { y + height }
    var isEmpty: Bool { width <= 0 || height <= 0 }
    var description: String { "\(width)x\(height)+\(x)+\(y)" }

    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Grown by `dx` on the left and right and `dy` at the top and bottom (shrunk for negatives).
    func expanded(by dx: Int, _ dy: Int) -> ScreenRect {
        ScreenRect(x: x - dx, y: y - dy, width: width + 2 * dx, height: height + 2 * dy)
    }

    /// Whether every edge is within `dx`/`dy` pixels of `other`'s.
    func isClose(to other: ScreenRect, dx: Int, dy: Int) -> Bool {
        abs(x - other.x) <= dx && abs(maxX - other.maxX) <= dx && abs(y - other.y) <= dy && abs(maxY - other.maxY) <= dy
    }
}

/// A colour as a screenshot holds it.
struct PixelColor: Equatable, Hashable, Sendable, CustomStringConvertible {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    var description: String { "rgb(\(red),\(green),\(blue))" }

    /// Whether each channel is within `tolerance` of `other`'s.
    func matches(_ other: PixelColor, tolerance: Int) -> Bool {
        abs(Int(red) - Int(other.red)) <= tolerance && abs(Int(green) - Int(other.green)) <= tolerance
            && abs(Int(blue) - Int(other.blue)) <= tolerance
    }
}

extension RGBAImage {
    /// The pixel at (x, y), alpha dropped.
    func color(x: Int, y: Int) -> PixelColor {
        let offset = (y * width + x) * 4
        return PixelColor(pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// The smallest rectangle holding every pixel (inside `region`, the whole image by default) that
    /// satisfies `predicate`, or nil when none does.
    func boundingBox(in region: ScreenRect? = nil, where predicate: (PixelColor) -> Bool) -> ScreenRect? {
        let area = region ?? ScreenRect(x: 0, y: 0, width: width, height: height)
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for y in max(0, area.y)..<min(height, area.maxY) {
            for x in max(0, area.x)..<min(width, area.maxX) where predicate(color(x: x, y: y)) {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard minX != Int.max else { return nil }
        return ScreenRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// The bounding box of the pixels of `color` (each channel within `tolerance`).
    func boundingBox(of color: PixelColor, tolerance: Int = 8, in region: ScreenRect? = nil) -> ScreenRect? {
        boundingBox(in: region) { $0.matches(color, tolerance: tolerance) }
    }

    /// How many pixels (inside `region`, the whole image by default) satisfy `predicate`.
    func count(in region: ScreenRect? = nil, where predicate: (PixelColor) -> Bool) -> Int {
        let area = region ?? ScreenRect(x: 0, y: 0, width: width, height: height)
        var count = 0
        for y in max(0, area.y)..<min(height, area.maxY) {
            for x in max(0, area.x)..<min(width, area.maxX) where predicate(color(x: x, y: y)) {
                count += 1
            }
        }
        return count
    }

    /// The colour most pixels of `region` have, with its share of them (0...1).
    func dominantColor(in region: ScreenRect) -> (color: PixelColor, share: Double)? {
        var counts: [PixelColor: Int] = [:]
        var total = 0
        for y in max(0, region.y)..<min(height, region.maxY) {
            for x in max(0, region.x)..<min(width, region.maxX) {
                counts[color(x: x, y: y), default: 0] += 1
                total += 1
            }
        }
        guard let best = counts.max(by: { $0.value < $1.value }) else { return nil }
        return (best.key, Double(best.value) / Double(total))
    }
}

/// The pixels where two screenshots of the same size differ by more than a tolerance per channel.
struct ScreenshotDifference: CustomStringConvertible {
    /// The differing pixels, row by row.
    let points: [(x: Int, y: Int)]
    let width: Int
    let height: Int

    /// Compares `before` and `after` pixel by pixel; a pixel differs when some channel (alpha
    /// ignored) differs by more than `tolerance`. Screenshots of different sizes differ everywhere.
    init(_ before: RGBAImage, _ after: RGBAImage, tolerance: Int = 0) {
        let width = max(before.width, after.width)
        let height = max(before.height, after.height)
        self.width = width
        self.height = height
        guard before.width == after.width, before.height == after.height else {
            points = (0..<height).flatMap { y in (0..<width).map { (x: $0, y: y) } }
            return
        }
        var points: [(x: Int, y: Int)] = []
        before.pixels.withUnsafeBufferPointer { a in
            after.pixels.withUnsafeBufferPointer { b in
                for y in 0..<height {
                    for x in 0..<width {
                        let offset = (y * width + x) * 4
                        if abs(Int(a[offset]) - Int(b[offset])) > tolerance || abs(Int(a[offset + 1]) - Int(b[offset + 1])) > tolerance
                            || abs(Int(a[offset + 2]) - Int(b[offset + 2])) > tolerance {
                            points.append((x, y))
                        }
                    }
                }
            }
        }
        self.points = points
    }

    var count: Int { points.count }
    var isEmpty: Bool { points.isEmpty }

    /// The smallest rectangle holding every differing pixel, nil when none differs.
    var boundingBox: ScreenRect? { Self.boundingBox(of: points) }

    /// The smallest rectangle holding `points`, nil when there are none.
    static func boundingBox(of points: [(x: Int, y: Int)]) -> ScreenRect? {
        guard let first = points.first else { return nil }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for point in points {
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
        }
        return ScreenRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// The differing pixels outside `rect` grown by `slackX`/`slackY` at every edge (for a
    /// region of cells, half a cell: anti-aliased glyph edges bleed a few pixels with paint order).
    func outside(_ rect: ScreenRect, slackX: Int = 0, slackY: Int = 0) -> [(x: Int, y: Int)] {
        let allowed = rect.expanded(by: slackX, slackY)
        return points.filter { !allowed.contains(x: $0.x, y: $0.y) }
    }

    /// Whether every difference lies inside `rect` grown by the slack.
    func isOnlyInside(_ rect: ScreenRect, slackX: Int = 0, slackY: Int = 0) -> Bool {
        outside(rect, slackX: slackX, slackY: slackY).isEmpty
    }

    var description: String {
        guard let box = boundingBox else { return "no differing pixels" }
        return "\(count) differing pixels in \(box)"
    }
}
