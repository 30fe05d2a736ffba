extension RGBAImage {
    /// This picture at `size`, resampled with a tent filter that widens with the reduction (as
    /// Pillow's bilinear does): smooth when enlarging, and every source pixel counts when shrinking,
    /// so fine detail averages out instead of aliasing.
    public func resized(to size: ImageSize) -> RGBAImage {
        guard size != self.size else { return self }
        let across = ResampleTaps(from: width, to: size.width)
        let down = ResampleTaps(from: height, to: size.height)
        let (sourceWidth, sourceHeight, targetWidth, targetHeight) = (width, height, size.width, size.height)

        // Across first, into floats; then down, rounding once.
        var wide = [Float](repeating: 0, count: targetWidth * sourceHeight * 4)
        pixels.withUnsafeBufferPointer { source in
            wide.withUnsafeMutableBufferPointer { target in
                for y in 0..<sourceHeight {
                    for x in 0..<targetWidth {
                        var sum: (Float, Float, Float, Float) = (0, 0, 0, 0)
                        for tap in across.range(x) {
                            let weight = across.weights[tap], offset = (y * sourceWidth + across.position(tap, of: x)) * 4
                            sum.0 += weight * Float(source[offset])
                            sum.1 += weight * Float(source[offset + 1])
                            sum.2 += weight * Float(source[offset + 2])
                            sum.3 += weight * Float(source[offset + 3])
                        }
                        let offset = (y * targetWidth + x) * 4
                        (target[offset], target[offset + 1], target[offset + 2], target[offset + 3]) = sum
                    }
                }
            }
        }
        var output = [UInt8](repeating: 0, count: targetWidth * targetHeight * 4)
        wide.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<targetHeight {
                    for x in 0..<targetWidth * 4 {
                        var sum: Float = 0
                        for tap in down.range(y) {
                            sum += down.weights[tap] * source[down.position(tap, of: y) * targetWidth * 4 + x]
                        }
                        target[y * targetWidth * 4 + x] = UInt8(min(255, max(0, sum.rounded())))
                    }
                }
            }
        }
        return RGBAImage(width: targetWidth, height: targetHeight, pixels: output) ?? self
    }
}

/// For each output pixel along one axis, the source pixels it reads and their weights (summing to 1),
/// stored flat: output pixel `i` uses `weights[range(i)]`, the first for source pixel `starts[i]`.
private struct ResampleTaps {
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = [0]
    private(set) var weights: [Float] = []

    init(from source: Int, to target: Int) {
        let scale = Double(source) / Double(target)
        let support = max(scale, 1)
        for index in 0..<target {
            let center = (Double(index) + 0.5) * scale
            let first = max(0, Int((center - support).rounded(.down)))
            let last = min(source - 1, Int((center + support).rounded(.up)))
            let raw = (first...last).map { max(0, 1 - abs((Double($0) + 0.5 - center) / support)) }
            let total = raw.reduce(0, +)
            if total > 0 {
                starts.append(first)
                weights += raw.map { Float($0 / total) }
            } else {
                starts.append(min(source - 1, Int(center)))
                weights.append(1)
            }
            ends.append(weights.count)
        }
    }

    func range(_ index: Int) -> Range<Int> { ends[index]..<ends[index + 1] }

    /// The source pixel that tap `tap` of output pixel `index` reads.
    func position(_ tap: Int, of index: Int) -> Int { starts[index] + tap - ends[index] }
}
