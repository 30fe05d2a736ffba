/// Why bytes could not be decoded as, or encoded to, an image.
public enum ImageCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing at all where an image was expected.
    case empty(ImageFormat, source: String)
    /// The bytes do not start like the format; `preview` shows how they do start.
    case notAnImage(ImageFormat, source: String, byteCount: Int, preview: String)
    /// The image starts correctly but ends early.
    case truncated(ImageFormat, byteCount: Int)
    /// The image is complete in length but the codec rejected it.
    case corrupt(ImageFormat, reason: String)
    /// The header claims dimensions outside what Sparkler decodes.
    case unsupportedSize(ImageFormat, width: Int, height: Int)
    /// The codec failed to encode pixels.
    case encodingFailed(ImageFormat, reason: String)

    public var description: String {
        switch self {
        case .empty(let format, let source):
            "\(source) sent no bytes where a \(format.displayName) image was expected."
        case .notAnImage(let format, let source, let byteCount, let preview):
            "\(source) sent \(byteCount) bytes that are not a \(format.displayName) image"
                + (preview.isEmpty ? "." : " (they start with `\(preview)`).")
        case .truncated(let format, let byteCount):
            "the \(format.displayName) image is cut short after \(byteCount) bytes."
        case .corrupt(let format, let reason):
            "the \(format.displayName) image is damaged: \(reason)."
        case .unsupportedSize(let format, let width, let height):
            "the \(format.displayName) image claims \(width)x\(height) pixels, more than Sparkler decodes "
                + "(at most \(RGBAImage.maxPixelCount) pixels)."
        case .encodingFailed(let format, let reason):
            "could not encode the \(format.displayName) image: \(reason)."
        }
    }
}

extension ImageFormat {
    /// `JPEG`, `PNG`: how messages name the format.
    var displayName: String { rawValue.uppercased() }
}
