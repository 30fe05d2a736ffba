/// A set of grid pixels that touch each other (8-connected), found by flood fill.
struct PixelBlob {
    let pixels: [(x: Int, y: Int)]

    /// The largest blob among `pixels` of a `side` x `side` grid (the first found among equals, in row
    /// order); nil when there are no pixels.
    static func largest(of pixels: [(x: Int, y: Int)], side: Int) -> PixelBlob? {
        var unvisited = [Bool](repeating: false, count: side * side)
        for pixel in pixels { unvisited[pixel.y * side + pixel.x] = true }
        var best: [(x: Int, y: Int)] = []
        for start in pixels where unvisited[start.y * side + start.x] {
            unvisited[start.y * side + start.x] = false
            var blob: [(x: Int, y: Int)] = [], stack = [start]
            while let pixel = stack.popLast() {
                blob.append(pixel)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (x, y) = (pixel.x + dx, pixel.y + dy)
                        guard x >= 0, y >= 0, x < side, y < side, unvisited[y * side + x] else { continue }
                        unvisited[y * side + x] = false
                        stack.append((x, y))
                    }
                }
            }
            if blob.count > best.count { best = blob }
        }
        return best.isEmpty ? nil : PixelBlob(pixels: best)
    }

    /// Pixel centres, in pixels.
    var centers: [(x: Double, y: Double)] { pixels.map { (Double($0.x) + 0.5, Double($0.y) + 0.5) } }

    var centroid: (x: Double, y: Double) {
        let centers = centers, count = Double(centers.count)
        return (centers.map(\.x).reduce(0, +) / count, centers.map(\.y).reduce(0, +) / count)
    }

    /// The bounding box of the blob's pixels: its top-left pixel and its size, in pixels.
    var bounds: (x: Int, y: Int, width: Int, height: Int) {
        let xs = pixels.map(\.x), ys = pixels.map(\.y)
        let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
        return (minX, minY, (xs.max() ?? -1) - minX + 1, (ys.max() ?? -1) - minY + 1)
    }

    /// The share of the pixels in the bounding box's four corner cells (a third of its width and height
    /// each, by pixel centre) that belong to the blob: 1 for a filled rectangle, about 0.55 for a disc,
    /// whose edge cuts through every corner cell. A pixel sticking out of one side moves the box by one
    /// pixel and costs only a column of two corner cells.
    var cornerFill: Double {
        let box = bounds
        func inCorner(_ x: Int, _ y: Int) -> Bool {
            let fx = (Double(x - box.x) + 0.5) / Double(box.width), fy = (Double(y - box.y) + 0.5) / Double(box.height)
            return (fx < 1 / 3 || fx > 2 / 3) && (fy < 1 / 3 || fy > 2 / 3)
        }
        var cornerPixels = 0
        for y in box.y..<(box.y + box.height) {
            for x in box.x..<(box.x + box.width) where inCorner(x, y) { cornerPixels += 1 }
        }
        return Double(pixels.count { inCorner($0.x, $0.y) }) / Double(max(cornerPixels, 1))
    }

    /// The area, in square pixels, of the convex hull of the blob's pixel squares (the hull of their
    /// corners, so that a one-pixel blob has area 1 and a filled rectangle its own area). Andrew's
    /// monotone chain over the integer corner points.
    var convexHullArea: Double {
        var corners = Set<Int>()
        for pixel in pixels {
            for dy in 0...1 { for dx in 0...1 { corners.insert((pixel.y + dy) * 65_536 + pixel.x + dx) } }
        }
        let points = corners.map { (x: $0 % 65_536, y: $0 / 65_536) }.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        guard points.count >= 3 else { return 0 }
        func cross(_ o: (x: Int, y: Int), _ a: (x: Int, y: Int), _ b: (x: Int, y: Int)) -> Int {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        func chain(_ points: [(x: Int, y: Int)]) -> [(x: Int, y: Int)] {
            var hull: [(x: Int, y: Int)] = []
            for point in points {
                while hull.count >= 2, cross(hull[hull.count - 2], hull[hull.count - 1], point) <= 0 { hull.removeLast() }
                hull.append(point)
            }
            return hull.dropLast()
        }
        let hull = chain(points) + chain(points.reversed())
        let twice = hull.indices.reduce(0) { sum, i in
            let (a, b) = (hull[i], hull[(i + 1) % hull.count])
            return sum + a.x * b.y - b.x * a.y
        }
        return Double(abs(twice)) / 2
    }
}
