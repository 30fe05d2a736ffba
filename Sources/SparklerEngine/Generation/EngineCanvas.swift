import SparklerCore

/// The size the network draws at for a requested output size: about the native pixel count, in the
/// requested aspect ratio, each side a multiple of 4 (two poolings and two upsamplings must divide it).
enum EngineCanvas {
    static func size(for requested: ImageSize, nativeSide: Int) -> ImageSize {
        let ratio = (Double(requested.width) / Double(requested.height)).squareRoot()
        func side(_ value: Double) -> Int { max(4, Int((value / 4).rounded()) * 4) }
        return ImageSize(width: side(Double(nativeSide) * ratio), height: side(Double(nativeSide) / ratio))
    }
}
