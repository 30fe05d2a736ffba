import Foundation
import Testing
@testable import SparklerCore
@testable import SparklerServer

/// Uploaded pictures are judged by their header before anything is decoded: a decompression bomb (a small
/// PNG that declares 8192x8192, 64 MB of pixels) is refused with the limit stated; a damaged picture that
/// passes the header is decoded, and refused, only once its request has a place in the engine's line.
@Suite struct UploadLimitTests {
    @Test func aDecompressionBombIsRefusedFromItsHeader() async throws {
        let bomb = Self.zeroFilledPNG(width: 8192, height: 8192)
        #expect(bomb.count < 500_000, "a small file: \(bomb.count) bytes")
        #expect(ImageHeader.size(of: bomb) == ImageSize(width: 8192, height: 8192))

        try await withServer { server in
            var form = MultipartForm()
            form.fields = [("prompt", "a red circle"), ("image_strength", "0.5"), ("steps", "2")]
            form.files = [("init_image", bomb)]
            let answer = try await server.post(server.url("image_to_image", model: TestServer.tiny), form: form)
            #expect(answer.status == 400)
            let message = try #require(answer.errorMessage)
            #expect(message.contains("init_image is 8192x8192 pixels; the largest picture any model here takes is 1536 pixels"), "\(message)")
            #expect(message.contains("1,048,576 pixels"), "\(message)")

            let edit = try await server.post(
                "\(server.baseURL)/workflows/accounts/fireworks/models/flux-kontext-pro",
                json: ["prompt": "make it night", "input_image": bomb.base64EncodedString()])
            #expect(edit.status == 400)
            #expect(edit.errorMessage?.contains("input_image is 8192x8192 pixels") == true, "\(edit.errorMessage ?? "")")
            #expect(try server.history.entries().isEmpty, "nothing refused reached the engine")
        }
    }

    @Test func aDamagedPictureWithAGoodHeaderIsRefusedOnceAdmitted() async throws {
        let whole = Self.zeroFilledPNG(width: 64, height: 64)
        #expect(try ImageCodec.decode(whole).size == ImageSize(width: 64, height: 64), "the builder makes valid PNGs")
        let damaged = whole.prefix(whole.count / 2)  // the header whole, the pixels cut short
        #expect(ImageHeader.size(of: damaged) == ImageSize(width: 64, height: 64))
        try await withServer { server in
            var form = MultipartForm()
            form.fields = [("prompt", "a red circle"), ("image_strength", "0.5"), ("steps", "2")]
            form.files = [("init_image", Data(damaged))]
            let answer = try await server.post(server.url("image_to_image", model: TestServer.tiny), form: form)
            #expect(answer.status == 400)
            #expect(answer.errorMessage?.contains("init_image cannot be decoded") == true, "\(answer.errorMessage ?? "")")
        }
    }

    @Test func theLimitIsTheLargestPictureAServedModelDraws() {
        #expect(UploadLimit(models: TestServer.models.models) == UploadLimit(maxSide: 1536, maxPixels: 1024 * 1024))
    }

    @Test func jpegHeadersGiveTheirSizeToo() throws {
        let image = try #require(RGBAImage(width: 48, height: 20, pixels: [UInt8](repeating: 200, count: 48 * 20 * 4)))
        #expect(ImageHeader.size(of: try ImageCodec.encode(image, as: .jpeg)) == ImageSize(width: 48, height: 20))
        #expect(ImageHeader.size(of: Data("GIF89a".utf8)) == nil)
        #expect(ImageHeader.size(of: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00])) == nil, "cut short")
    }

    /// An 8-bit grayscale PNG of zeros whose one IDAT is a fixed-Huffman deflate block: a literal 0, then
    /// copies of 258 bytes at distance 1 (13 bits each), the rest as literals. Valid, and about 1/160 its size.
    static func zeroFilledPNG(width: Int, height: Int) -> Data {
        let total = (width + 1) * height  // a filter byte before each row
        var bits = BitWriter()
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman codes
        bits.writeCode(0x30, length: 8)  // literal 0
        let copies = (total - 1) / 258
        for _ in 0..<copies {
            bits.writeCode(0xC5, length: 8)  // length 258 (symbol 285)
            bits.writeCode(0, length: 5)  // distance 1
        }
        for _ in 0..<((total - 1) % 258) { bits.writeCode(0x30, length: 8) }
        bits.writeCode(0, length: 7)  // end of block
        let adler = UInt32(total % 65521) << 16 | 1  // a stays 1 over zeros; b adds 1 per byte
        let zlib = [0x78, 0x01] + bits.bytes + BigEndian.bytes(adler)
        let header = BigEndian.bytes(UInt32(width)) + BigEndian.bytes(UInt32(height)) + [8, 0, 0, 0, 0]
        return Data(
            PNGTextChunks.signature + PNGTextChunks.makeChunk(type: "IHDR", data: header)
                + PNGTextChunks.makeChunk(type: "IDAT", data: zlib) + PNGTextChunks.makeChunk(type: "IEND", data: [])
        )
    }
}

/// Deflate's bit order: values least significant bit first, Huffman codes most significant bit first.
private struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 8

    mutating func write(_ value: UInt32, count: Int) {
        for index in 0..<count { append(bit: (value >> index) & 1) }
    }

    mutating func writeCode(_ code: UInt32, length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) { append(bit: (code >> index) & 1) }
    }

    private mutating func append(bit: UInt32) {
        if used == 8 {
            bytes.append(0)
            used = 0
        }
        bytes[bytes.count - 1] |= UInt8(bit) << used
        used += 1
    }
}
