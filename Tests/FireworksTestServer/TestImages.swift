import Foundation
import SparklerCore

/// Pictures for the test server's answers and for tests' init images.
public enum TestImages {
    /// A gradient that depends on `seed`, so different seeds give different bytes.
    public static func gradient(width: Int, height: Int, seed: Int) -> RGBAImage? {
        var pixels = [UInt8](repeating: 255, count: max(0, width * height * 4))
        for y in 0..<max(0, height) {
            for x in 0..<max(0, width) {
                let offset = (y * width + x) * 4
                pixels[offset] = UInt8(truncatingIfNeeded: x * 255 / max(width, 1) + seed)
                pixels[offset + 1] = UInt8(truncatingIfNeeded: y * 255 / max(height, 1) + seed &* 7)
                pixels[offset + 2] = UInt8(truncatingIfNeeded: seed &* 13)
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// An encoded gradient, e.g. as an init image for a test request.
    public static func encoded(width: Int, height: Int, seed: Int = 1, format: ImageFormat, quality: Int = 90) throws -> Data {
        guard let image = gradient(width: width, height: height, seed: seed) else {
            throw CocoaError(.coderInvalidValue)
        }
        return try ImageCodec.encode(image, as: format, quality: quality)
    }

    /// A black picture, as a content filter sends.
    public static func black(width: Int, height: Int, format: ImageFormat) throws -> Data {
        guard let image = RGBAImage(width: width, height: height, red: 0, green: 0, blue: 0) else {
            throw CocoaError(.coderInvalidValue)
        }
        return try ImageCodec.encode(image, as: format)
    }
}
