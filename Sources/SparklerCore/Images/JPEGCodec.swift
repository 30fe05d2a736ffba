import CTurboJPEG
import Foundation

/// JPEG through TurboJPEG's `tj*` API, which reports errors by return value (libjpeg's own
/// error handling needs setjmp, which Swift cannot use).
public enum JPEGCodec {
    static let startOfImage: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let endOfImage: [UInt8] = [0xFF, 0xD9]

    /// Decodes a complete JPEG. Warnings (such as a premature end of data) count as failures,
    /// because TurboJPEG fills what is missing with grey instead of failing.
    ///
    /// With `atLeast`, the decoder scales while it decodes (1/8 to 1, in eighths) to the smallest picture
    /// that still covers that many pixels each way: a 1024x1024 picture shown as 80x40 symbols needs 640x320
    /// (chafa matches 8x8 pixels per cell), decoded at 5/8; smaller scales skip more of the inverse transforms
    /// and colour conversion.
    public static func decode(_ data: Data, atLeast wanted: ImageSize? = nil) throws -> RGBAImage {
        guard data.starts(with: startOfImage) else {
            throw ImageCodecError.notAnImage(.jpeg, source: "the data", byteCount: data.count, preview: BytePreview.describe(data))
        }
        guard let handle = tjInitDecompress() else {
            throw ImageCodecError.corrupt(.jpeg, reason: "TurboJPEG could not start a decoder")
        }
        defer { tjDestroy(handle) }

        let outcome: DecodeOutcome = data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return .failed("no data") }
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            let length = UInt(raw.count)
            guard tjDecompressHeader3(handle, base, length, &width, &height, &subsampling, &colorspace) == 0 else {
                return .failed(errorMessage(handle))
            }
            guard RGBAImage.isAcceptable(width: Int(width), height: Int(height)) else {
                return .tooLarge(width: Int(width), height: Int(height))
            }
            if let wanted {
                (width, height) = scaled(width: width, height: height, toCover: wanted)
            }
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 4)
            let flags = TJFLAG_LIMITSCANS | TJFLAG_ACCURATEDCT
            let status = pixels.withUnsafeMutableBufferPointer { buffer in
                tjDecompress2(handle, base, length, buffer.baseAddress, width, 0, height, Int32(TJPF_RGBA.rawValue), flags)
            }
            guard status == 0 else { return .failed(errorMessage(handle)) }
            return .decoded(width: Int(width), height: Int(height), pixels: pixels)
        }

        switch outcome {
        case .decoded(let width, let height, let pixels):
            guard let image = RGBAImage(width: width, height: height, pixels: pixels) else {
                throw ImageCodecError.unsupportedSize(.jpeg, width: width, height: height)
            }
            return image
        case .tooLarge(let width, let height):
            throw ImageCodecError.unsupportedSize(.jpeg, width: width, height: height)
        case .failed(let reason):
            if reason.contains("Premature end of JPEG file") || !data.suffix(2).elementsEqual(endOfImage) {
                throw ImageCodecError.truncated(.jpeg, byteCount: data.count)
            }
            throw ImageCodecError.corrupt(.jpeg, reason: reason)
        }
    }

    /// Encodes with 4:2:0 chroma subsampling; `quality` is clamped to 1...100.
    public static func encode(_ image: RGBAImage, quality: Int = 90) throws -> Data {
        guard let handle = tjInitCompress() else {
            throw ImageCodecError.encodingFailed(.jpeg, reason: "TurboJPEG could not start an encoder")
        }
        defer { tjDestroy(handle) }

        var output: UnsafeMutablePointer<UInt8>?
        var outputSize: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { buffer in
            tjCompress2(
                handle, buffer.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGBA.rawValue),
                &output, &outputSize, Int32(TJSAMP_420.rawValue), Int32(min(max(quality, 1), 100)), 0
            )
        }
        defer { tjFree(output) }
        guard status == 0, let output else {
            throw ImageCodecError.encodingFailed(.jpeg, reason: errorMessage(handle))
        }
        return Data(bytes: output, count: Int(outputSize))
    }

    /// The smallest of TurboJPEG's scaled sizes that is at least `wanted` each way; the full size when none is.
    private static func scaled(width: Int32, height: Int32, toCover wanted: ImageSize) -> (Int32, Int32) {
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count) else { return (width, height) }
        func scale(_ side: Int32, _ factor: tjscalingfactor) -> Int32 { (side * factor.num + factor.denom - 1) / factor.denom }
        let shrinking = UnsafeBufferPointer(start: factors, count: Int(count))
            .filter { $0.num <= $0.denom }
            .sorted { Double($0.num) / Double($0.denom) < Double($1.num) / Double($1.denom) }
        for factor in shrinking where Int(scale(width, factor)) >= wanted.width && Int(scale(height, factor)) >= wanted.height {
            return (scale(width, factor), scale(height, factor))
        }
        return (width, height)
    }

    private enum DecodeOutcome {
        case decoded(width: Int, height: Int, pixels: [UInt8])
        case tooLarge(width: Int, height: Int)
        case failed(String)
    }

    private static func errorMessage(_ handle: tjhandle) -> String {
        guard let message = tjGetErrorStr2(handle) else { return "unknown TurboJPEG error" }
        return String(cString: message)
    }
}
