import FireworksTestServer
import Foundation
import SparklerCore
import Testing
import TestSupport

/// Encoding and decoding through TurboJPEG and libpng.
@Suite struct ImageCodecTests {
    @Test func pngRoundTripIsExact() throws {
        let image = try #require(TestImages.gradient(width: 37, height: 21, seed: 5))
        let data = try PNGCodec.encode(image)
        #expect(ImageCodec.sniffFormat(data) == .png)
        #expect(try PNGCodec.decode(data) == image)
        #expect(try ImageCodec.decode(data) == image)
    }

    @Test func jpegRoundTripIsClose() throws {
        let image = try #require(TestImages.gradient(width: 40, height: 24, seed: 9))
        let data = try JPEGCodec.encode(image, quality: 95)
        #expect(ImageCodec.sniffFormat(data) == .jpeg)
        let decoded = try ImageCodec.decode(data)
        #expect(decoded.size == image.size)
        let difference = zip(decoded.pixels, image.pixels).map { abs(Int($0) - Int($1)) }.reduce(0, +)
        #expect(difference / decoded.pixels.count < 8)
        #expect(decoded.pixels[3] == 255)
    }

    /// TurboJPEG scales by eighths while decoding: the smallest scale that still covers what is asked.
    @Test func aJPEGDecodesScaledDownToTheSmallestSizeCoveringWhatIsAsked() throws {
        let image = try #require(TestImages.gradient(width: 1024, height: 512, seed: 4))
        let data = try JPEGCodec.encode(image, quality: 90)
        #expect(try ImageCodec.decode(data, atLeast: ImageSize(width: 256, height: 40)).size == ImageSize(width: 256, height: 128))
        #expect(try ImageCodec.decode(data, atLeast: ImageSize(width: 300, height: 10)).size == ImageSize(width: 384, height: 192))
        #expect(try ImageCodec.decode(data, atLeast: ImageSize(width: 1, height: 1)).size == ImageSize(width: 128, height: 64))
        #expect(try ImageCodec.decode(data, atLeast: ImageSize(width: 2000, height: 10)).size == image.size)
        // The scaled picture is the picture: its average colour stays.
        let scaled = try ImageCodec.decode(data, atLeast: ImageSize(width: 256, height: 128))
        let full = try ImageCodec.decode(data)
        func mean(_ image: RGBAImage) -> Double { Double(image.pixels.map(Int.init).reduce(0, +)) / Double(image.pixels.count) }
        #expect(abs(mean(scaled) - mean(full)) < 2)
    }

    @Test func jpegQualityChangesTheSize() throws {
        let image = try #require(TestImages.gradient(width: 64, height: 64, seed: 3))
        #expect(try ImageCodec.encode(image, as: .jpeg, quality: 20).count < ImageCodec.encode(image, as: .jpeg, quality: 100).count)
    }

    @Test func pixelCountMustMatchTheDimensions() {
        #expect(RGBAImage(width: 2, height: 2, pixels: [UInt8](repeating: 0, count: 15)) == nil)
        #expect(RGBAImage(width: 0, height: 2, pixels: []) == nil)
        #expect(RGBAImage(width: 100_000, height: 100_000, red: 0, green: 0, blue: 0) == nil)
        #expect(RGBAImage(width: 2, height: 2, pixels: [UInt8](repeating: 0, count: 16)) != nil)
    }

    @Test func garbageNeverDecodes() {
        let inputs: [Data] = [Data(), Data("hello".utf8), Data([0xFF, 0xD8, 0xFF]), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])]
        for input in inputs {
            #expect(throws: ImageCodecError.self) { try ImageCodec.decode(input) }
        }
    }

    @Test func randomBytesBehindTheMagicNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        for round in 0..<300 {
            let magic: [UInt8] = round.isMultiple(of: 2) ? [0xFF, 0xD8, 0xFF] : [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            let tail = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let data = Data(magic + tail)
            #expect(throws: ImageCodecError.self) { try ImageCodec.decode(data) }
        }
    }
}
