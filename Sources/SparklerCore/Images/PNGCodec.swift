import CPNG
import Foundation

/// PNG through libpng's simplified `png_image` API, which reports errors in the struct instead
/// of longjmp-ing into the caller.
public enum PNGCodec {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func decode(_ data: Data) throws -> RGBAImage {
        guard data.starts(with: signature) else {
            throw ImageCodecError.notAnImage(.png, source: "the data", byteCount: data.count, preview: BytePreview.describe(data))
        }
        try PNGChunkWalker.checkComplete(data)

        let outcome: DecodeOutcome = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return .failed("no data") }
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, base, raw.count) != 0 else {
                return .failed(message(of: image))
            }
            let width = Int(image.width), height = Int(image.height)
            guard RGBAImage.isAcceptable(width: width, height: height) else {
                return .tooLarge(width: width, height: height)
            }
            image.format = sparkler_png_format_rgba()
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let status = pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&image, nil, buffer.baseAddress, png_int_32(width * 4), nil)
            }
            guard status != 0 else { return .failed(message(of: image)) }
            return .decoded(width: width, height: height, pixels: pixels)
        }

        switch outcome {
        case .decoded(let width, let height, let pixels):
            guard let image = RGBAImage(width: width, height: height, pixels: pixels) else {
                throw ImageCodecError.unsupportedSize(.png, width: width, height: height)
            }
            return image
        case .tooLarge(let width, let height):
            throw ImageCodecError.unsupportedSize(.png, width: width, height: height)
        case .failed(let reason):
            throw ImageCodecError.corrupt(.png, reason: reason)
        }
    }

    public static func encode(_ image: RGBAImage) throws -> Data {
        var description = png_image()
        description.version = png_uint_32(PNG_IMAGE_VERSION)
        description.width = png_uint_32(image.width)
        description.height = png_uint_32(image.height)
        description.format = sparkler_png_format_rgba()
        defer { png_image_free(&description) }

        let rowStride = png_int_32(image.width * 4)
        return try image.pixels.withUnsafeBytes { pixels in
            // Room for the worst case, so that the image is compressed once (asking libpng for the size
            // first compresses it twice, which was half the time of writing a PNG).
            var size = sparkler_png_size_max(description)
            var output = Data(count: Int(size))
            let status = output.withUnsafeMutableBytes { buffer in
                png_image_write_to_memory(&description, buffer.baseAddress, &size, 0, pixels.baseAddress, rowStride, nil)
            }
            guard status != 0 else {
                throw ImageCodecError.encodingFailed(.png, reason: message(of: description))
            }
            return output.prefix(Int(size))
        }
    }

    private enum DecodeOutcome {
        case decoded(width: Int, height: Int, pixels: [UInt8])
        case tooLarge(width: Int, height: Int)
        case failed(String)
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return bytes.isEmpty ? "unknown libpng error" : String(decoding: bytes, as: UTF8.self)
        }
    }
}
