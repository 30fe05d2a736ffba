/// Decoded pixels, four bytes (red, green, blue, alpha) per pixel, rows top to bottom.
public struct RGBAImage: Sendable, Equatable {
    /// The most pixels Sparkler decodes or encodes: 8192x8192. Larger headers are refused before
    /// any allocation, so a hostile file cannot claim gigabytes.
    public static let maxPixelCount = 8192 * 8192

    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    /// Returns nil when the dimensions are not positive, exceed `maxPixelCount`, or do not match
    /// the number of bytes (`width * height * 4`).
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard Self.isAcceptable(width: width, height: height), pixels.count == width * height * 4 else {
            return nil
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A picture of one colour.
    public init?(width: Int, height: Int, red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        guard Self.isAcceptable(width: width, height: height) else { return nil }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for offset in stride(from: 0, to: pixels.count, by: 4) {
            pixels[offset] = red
            pixels[offset + 1] = green
            pixels[offset + 2] = blue
            pixels[offset + 3] = alpha
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    public var size: ImageSize { ImageSize(width: width, height: height) }

    static func isAcceptable(width: Int, height: Int) -> Bool {
        width > 0 && height > 0 && width <= maxPixelCount / height
    }
}
