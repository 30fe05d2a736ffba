import SparklerCore

/// The pixel size the engine draws a FLUX aspect ratio at: about one megapixel, sides in multiples of 64.
enum AspectRatioSizes {
    /// Fireworks' ratios, at the sizes SDXL-class models train on; 5:4 and 4:3 differ, as their ratios do.
    static let known: [String: ImageSize] = [
        "1:1": (1024, 1024), "21:9": (1536, 640), "16:9": (1344, 768), "3:2": (1216, 832), "5:4": (1088, 896),
        "4:5": (896, 1088), "2:3": (832, 1216), "9:16": (768, 1344), "9:21": (640, 1536), "4:3": (1152, 896),
        "3:4": (896, 1152),
    ].mapValues { ImageSize(width: $0.0, height: $0.1) }

    /// Ratios a configured model adds are worked out the same way; nil when `ratio` is not `W:H`.
    static func size(for ratio: String) -> ImageSize? {
        if let size = known[ratio] { return size }
        let parts = ratio.split(separator: ":").compactMap { Double($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        let side = { (scale: Double) in max(64, Int((1024 * scale.squareRoot() / 64).rounded()) * 64) }
        return ImageSize(width: side(parts[0] / parts[1]), height: side(parts[1] / parts[0]))
    }
}
