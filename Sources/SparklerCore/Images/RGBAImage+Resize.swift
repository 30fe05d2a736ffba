extension RGBAImage {
    /// This picture at `size`, resampled with a tent filter that widens with the reduction (as
    /// Pillow's bilinear does): smooth when enlarging, and every source pixel counts when shrinking,
    /// so fine detail averages out instead of aliasing.
    public func resized(to size: ImageSize) -> RGBAImage {
        guard size != self.size else { return self }
        let across = ResampleTaps(from: width, to: size.width)
        let down = ResampleTaps(from: height, to: size.height)

        // Across first, into floats; then down, rounding once.
        var wide = [Float](repeating: 0, count: size.width * height * 4)
        for y in 0..<height {
            for x in 0..<size.width {
                let taps = across.taps[x]
                for channel in 0..<4 {
                    var sum: Float = 0
                    for (index, weight) in taps.weights.enumerated() {
                        sum += weight * Float(pixels[(y * width + taps.start + index) * 4 + channel])
                    }
                    wide[(y * size.width + x) * 4 + channel] = sum
                }
            }
        }
        var output = [UInt8](repeating: 0, count: size.width * size.height * 4)
        for y in 0..<size.height {
            let taps = down.taps[y]
            for x in 0..<size.width {
                for channel in 0..<4 {
                    var sum: Float = 0
                    for (index, weight) in taps.weights.enumerated() {
                        sum += weight * wide[((taps.start + index) * size.width + x) * 4 + channel]
                    }
                    output[(y * size.width + x) * 4 + channel] = UInt8(min(255, max(0, sum.rounded())))
                }
            }
        }
        return RGBAImage(width: size.width, height: size.height, pixels: output) ?? self
    }
}

/// For each output pixel along one axis: the first source pixel it reads and the weights of the
/// pixels from there, summing to 1.
private struct ResampleTaps {
    struct Taps {
        var start: Int
        var weights: [Float]
    }

    let taps: [Taps]

    init(from source: Int, to target: Int) {
        let scale = Double(source) / Double(target)
        let support = max(scale, 1)
        taps = (0..<target).map { index in
            let center = (Double(index) + 0.5) * scale
            let first = max(0, Int((center - support).rounded(.down)))
            let last = min(source - 1, Int((center + support).rounded(.up)))
            let weights = (first...last).map { max(0, 1 - abs((Double($0) + 0.5 - center) / support)) }
            let total = weights.reduce(0, +)
            guard total > 0 else {
                return Taps(start: min(source - 1, Int(center)), weights: [1])
            }
            return Taps(start: first, weights: weights.map { Float($0 / total) })
        }
    }
}
