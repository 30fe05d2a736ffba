import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// The inspector accepts only complete images of the announced format, and says what is wrong.
@Suite struct ImageInspectorTests {
    @Test(arguments: [ImageFormat.jpeg, .png])
    func completeImagesPass(format: ImageFormat) throws {
        let data = try TestImages.encoded(width: 30, height: 20, format: format)
        #expect(try ImageInspector.inspect(data, as: format) == ImageSize(width: 30, height: 20))
    }

    @Test func htmlIsNotAJPEGAndTheMessageShowsHowItStarts() {
        let page = Data(("<html>\n<head><title>502 Bad Gateway</title></head>" + String(repeating: " ", count: 1782)).utf8)
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(page, as: .jpeg) }
        #expect(error?.description.hasPrefix("the server sent \(page.count) bytes that are not a JPEG image (they start with `<html> <head><title>502") == true)
    }

    @Test func binaryGarbageIsShownAsHex() {
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(Data([0, 1, 0xAB]), as: .png) }
        #expect(error == .notAnImage(.png, source: "the server", byteCount: 3, preview: "00 01 ab"))
    }

    @Test func emptyBodyIsNamed() {
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(Data(), as: .jpeg, source: "out.jpg") }
        #expect(error == .empty(.jpeg, source: "out.jpg"))
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func theOtherFormatIsRejected(format: ImageFormat) throws {
        let other: ImageFormat = format == .jpeg ? .png : .jpeg
        let data = try TestImages.encoded(width: 8, height: 8, format: other)
        #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(data, as: format) }
    }

    @Test func jpegCutShortSaysSo() throws {
        let data = try TestImages.encoded(width: 48, height: 48, format: .jpeg)
        let cut = data.prefix(data.count * 2 / 3)
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(cut, as: .jpeg) }
        #expect(error == .truncated(.jpeg, byteCount: cut.count))
        #expect(error?.description == "the JPEG image is cut short after \(cut.count) bytes.")
    }

    @Test func pngCutShortSaysSo() throws {
        let data = try TestImages.encoded(width: 48, height: 48, format: .png)
        let cut = data.prefix(data.count - 5)
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(cut, as: .png) }
        #expect(error == .truncated(.png, byteCount: cut.count))
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func everyStrictPrefixFails(format: ImageFormat) throws {
        let data = try TestImages.encoded(width: 12, height: 12, format: format)
        for length in 0..<data.count {
            #expect(throws: ImageCodecError.self, "prefix of \(length) bytes") {
                try ImageInspector.inspect(data.prefix(length), as: format)
            }
        }
    }

    @Test func jpegWithDamagedScanDataFails() throws {
        var data = try TestImages.encoded(width: 64, height: 64, format: .jpeg)
        // Overwrite the middle of the entropy-coded data with markers that make no sense there.
        let middle = data.count / 2
        data.replaceSubrange(middle..<middle + 16, with: [UInt8](repeating: 0xFF, count: 8) + [UInt8](repeating: 0xC4, count: 8))
        #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(data, as: .jpeg) }
    }

    @Test func pngWithBadChecksumFails() throws {
        var data = try TestImages.encoded(width: 16, height: 16, format: .png)
        let idat = try #require(data.range(of: Data("IDAT".utf8)))
        data[idat.upperBound + 2] ^= 0xFF
        let error = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(data, as: .png) }
        guard case .corrupt(.png, _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func hugeClaimedDimensionsAreRefusedBeforeAllocating() throws {
        var png = try TestImages.encoded(width: 4, height: 4, format: .png)
        // IHDR's width and height follow the signature (8), the chunk length (4) and type (4).
        png.replaceSubrange(16..<24, with: [0x00, 0x00, 0xEA, 0x60, 0x00, 0x00, 0xEA, 0x60])
        let ihdrCRC = CRC32.checksum(png[12..<29])
        png.replaceSubrange(29..<33, with: withUnsafeBytes(of: ihdrCRC.bigEndian, Array.init))
        let pngError = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(png, as: .png) }
        #expect(pngError == .unsupportedSize(.png, width: 60000, height: 60000))

        var jpeg = try TestImages.encoded(width: 4, height: 4, format: .jpeg)
        let frame = try #require(jpeg.range(of: Data([0xFF, 0xC0])))
        // SOF0: marker, length (2), precision (1), then height and width.
        jpeg.replaceSubrange(frame.upperBound + 3..<frame.upperBound + 7, with: [0xEA, 0x60, 0xEA, 0x60])
        let jpegError = #expect(throws: ImageCodecError.self) { try ImageInspector.inspect(jpeg, as: .jpeg) }
        #expect(jpegError == .unsupportedSize(.jpeg, width: 60000, height: 60000))
    }
}

/// PNG's chunk checksum, to forge headers in tests.
enum CRC32 {
    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
