import Foundation

/// Decodes and encodes the formats Sparkler stores, choosing the codec by format or by magic bytes.
public enum ImageCodec {
    /// The format the bytes start like, or nil when they start like neither JPEG nor PNG.
    public static func sniffFormat(_ data: Data) -> ImageFormat? {
        if data.starts(with: JPEGCodec.startOfImage) { return .jpeg }
        if data.starts(with: PNGCodec.signature) { return .png }
        return nil
    }

    /// Decodes JPEG or PNG, whichever the bytes are; a JPEG scaled down while decoding where `atLeast` is
    /// smaller (`JPEGCodec.decode`).
    public static func decode(_ data: Data, atLeast wanted: ImageSize? = nil) throws -> RGBAImage {
        switch sniffFormat(data) {
        case .jpeg: try JPEGCodec.decode(data, atLeast: wanted)
        case .png: try PNGCodec.decode(data)
        case nil:
            throw ImageCodecError.notAnImage(.png, source: "the data", byteCount: data.count, preview: BytePreview.describe(data))
        }
    }

    /// `quality` (0...100) applies to JPEG only.
    public static func encode(_ image: RGBAImage, as format: ImageFormat, quality: Int = 90) throws -> Data {
        switch format {
        case .jpeg: try JPEGCodec.encode(image, quality: quality)
        case .png: try PNGCodec.encode(image)
        }
    }
}
