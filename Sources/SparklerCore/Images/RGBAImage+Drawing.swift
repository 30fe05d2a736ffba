extension RGBAImage {
    /// Paints a rectangle with one RGBA colour; the part outside the image is clipped.
    mutating func fill(x: Int, y: Int, width: Int, height: Int, color: [UInt8]) {
        let left = max(0, x), right = min(self.width, x + width)
        let top = max(0, y), bottom = min(self.height, y + height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right {
                let offset = (row * self.width + column) * 4
                for channel in 0..<4 { pixels[offset + channel] = color[channel] }
            }
        }
    }

    /// Copies `image` in with its top-left corner at (`x`, `y`); the part outside this image is clipped.
    mutating func paste(_ image: RGBAImage, x: Int, y: Int) {
        let left = max(0, x), right = min(width, x + image.width)
        guard left < right else { return }
        for row in max(0, y)..<min(height, y + image.height) {
            let source = ((row - y) * image.width + (left - x)) * 4
            let target = (row * width + left) * 4
            let count = (right - left) * 4
            pixels.replaceSubrange(target..<target + count, with: image.pixels[source..<source + count])
        }
    }
}
