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
}
