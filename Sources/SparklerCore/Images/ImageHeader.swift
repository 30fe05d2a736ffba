import Foundation

/// A PNG's or JPEG's size in pixels as its header states it, read without decoding a single pixel: what
/// a server checks before it lets an upload cost memory (a 200 KB PNG can declare 8192x8192).
public enum ImageHeader {
    /// nil when `data` is neither a PNG nor a JPEG, or its header is cut short or malformed.
    public static func size(of data: Data) -> ImageSize? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> ImageSize? in
            let bytes = bytes.bindMemory(to: UInt8.self)
            if bytes.starts(with: PNGCodec.signature) { return pngSize(bytes) }
            if bytes.starts(with: JPEGCodec.startOfImage) { return jpegSize(bytes) }
            return nil
        }
    }

    /// The first chunk is IHDR: width and height, four bytes each, big-endian.
    private static func pngSize(_ bytes: UnsafeBufferPointer<UInt8>) -> ImageSize? {
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return positive(width: bigEndian(bytes, at: 16, count: 4), height: bigEndian(bytes, at: 20, count: 4))
    }

    /// Walks the segments to the first start-of-frame (SOF0 to SOF15, less DHT, JPG and DAC), which holds
    /// the height, then the width, after its length and precision.
    private static func jpegSize(_ bytes: UnsafeBufferPointer<UInt8>) -> ImageSize? {
        var offset = 2
        while offset + 3 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF {  // fill byte
                offset += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // no length
                offset += 2
                continue
            }
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image, or scan data before any frame
            let length = bigEndian(bytes, at: offset + 2, count: 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard offset + 9 <= bytes.count else { return nil }
                return positive(width: bigEndian(bytes, at: offset + 7, count: 2), height: bigEndian(bytes, at: offset + 5, count: 2))
            }
            offset += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func positive(width: Int, height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }
}
