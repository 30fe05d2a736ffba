import Foundation
import Testing
@testable import SparklerCore

@Suite struct ImageProvenanceTests {
    let provenance = ImageProvenance(
        request: GenerationRequest(
            model: "accounts/fireworks/models/playground-v2-1024px-aesthetic",
            prompt: "a lighthouse at dusk, \"oil\" painting", negativePrompt: "text, watermark",
            shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: 3, steps: 30, seed: 1234, sampler: .dpmpp2M,
            format: .png, mode: .imageToImage(InitImage(image: InputImage(data: Data(), fileName: "start.png"), schedule: .imageStrength(0.35)))),
        backend: "fireworks", seed: 1234, size: ImageSize(width: 1024, height: 1024),
        inputImageHash: String(repeating: "ab", count: 32), inputImageFormat: "png",
        createdAt: Date(timeIntervalSince1970: 1_750_000_000), appVersion: "1.2.3"
    )

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func fixturesAreWellFormed() throws {
        #expect(HistoryFixtures.jpeg.count == 285)
        #expect(try JPEGCommentSegments.headerSegments(in: Array(HistoryFixtures.jpeg)).last?.marker == 0xDA)
        #expect(try PNGTextChunks.chunks(in: Array(HistoryFixtures.png())).map(\.type) == ["IHDR", "IDAT", "IEND"])
    }

    @Test func pngRoundTripPutsSparklerChunksRightAfterIHDR() throws {
        let original = HistoryFixtures.png()
        let embedded = try provenance.embedded(in: original)
        #expect(try ImageProvenance.read(from: embedded) == provenance)

        let bytes = Array(embedded)
        let chunks = try PNGTextChunks.chunks(in: bytes)
        #expect(chunks.map(\.type) == ["IHDR", "iTXt", "tEXt", "IDAT", "IEND"])
        for chunk in chunks {
            let stored = BigEndian.uint32(bytes, at: chunk.dataRange.upperBound)
            #expect(stored == CRC32.checksum(bytes[chunk.range.lowerBound + 4..<chunk.dataRange.upperBound]))
        }
        let parameters = String(decoding: bytes[chunks[2].dataRange], as: UTF8.self)
        #expect(parameters.hasPrefix("parameters\0a lighthouse at dusk"))
        #expect(parameters.contains("Negative prompt: text, watermark\n"))
        #expect(parameters.contains("Steps: 30, Sampler: K_DPMPP_2M, CFG scale: 3, Seed: 1234, Size: 1024x1024"))
    }

    @Test func pngParametersOutsideLatin1UseAnInternationalChunk() throws {
        var japanese = provenance
        japanese.request.prompt = "富士山と桜、浮世絵"
        let embedded = try japanese.embedded(in: HistoryFixtures.png())
        #expect(try PNGTextChunks.chunks(in: Array(embedded)).map(\.type) == ["IHDR", "iTXt", "iTXt", "IDAT", "IEND"])
        #expect(try ImageProvenance.read(from: embedded)?.request.prompt == "富士山と桜、浮世絵")
    }

    @Test func embeddingAgainReplacesTheEarlierRecord() throws {
        var second = provenance
        second.seed = 99
        let twice = try second.embedded(in: try provenance.embedded(in: HistoryFixtures.png()))
        #expect(try PNGTextChunks.chunks(in: Array(twice)).map(\.type) == ["IHDR", "iTXt", "tEXt", "IDAT", "IEND"])
        #expect(try ImageProvenance.read(from: twice)?.seed == 99)

        let jpegTwice = try second.embedded(in: try provenance.embedded(in: HistoryFixtures.jpeg))
        let comments = try JPEGCommentSegments.headerSegments(in: Array(jpegTwice)).filter { $0.marker == 0xFE }
        #expect(comments.count == 1)
        #expect(try ImageProvenance.read(from: jpegTwice)?.seed == 99)
    }

    @Test func jpegRoundTripPutsTheCommentAfterTheJFIFHeader() throws {
        let embedded = try provenance.embedded(in: HistoryFixtures.jpeg)
        #expect(try ImageProvenance.read(from: embedded) == provenance)
        let markers = try JPEGCommentSegments.headerSegments(in: Array(embedded)).map(\.marker)
        #expect(markers == [0xE0, 0xFE, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA])
        #expect(embedded.suffix(from: embedded.count - 2) == Data([0xFF, 0xD9]))
        #expect(embedded.count > HistoryFixtures.jpeg.count)
    }

    @Test func jpegWithoutAPPSegmentsGetsTheCommentRightAfterSOI() throws {
        let bytes = Array(HistoryFixtures.jpeg)
        let withoutJFIF = Data([0xFF, 0xD8] + bytes[20...])  // SOI, then the DQT that followed APP0
        let embedded = try provenance.embedded(in: withoutJFIF)
        #expect(Array(embedded.prefix(4)) == [0xFF, 0xD8, 0xFF, 0xFE])
        #expect(try ImageProvenance.read(from: embedded) == provenance)
    }

    @Test func filesWithoutSparklerMetadataReadAsNil() throws {
        #expect(try ImageProvenance.read(from: HistoryFixtures.png()) == nil)
        #expect(try ImageProvenance.read(from: HistoryFixtures.jpeg) == nil)
    }

    @Test(arguments: [
        Data(), Data("GIF89a".utf8), Data([0x89, 0x50, 0x4E, 0x47]), Data([0xFF, 0xD8]),
        Data([0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF]), Data([0xFF, 0xD8, 0x00, 0x00]),
        Data(PNGTextChunks.signature + [0, 0, 0, 13] + Array("IDAT".utf8) + [UInt8](repeating: 0, count: 17)),
        Data(PNGTextChunks.signature + [0x7F, 0xFF, 0xFF, 0xFF] + Array("IHDR".utf8)),
        Data(PNGTextChunks.signature + [0, 0, 0, 0, 0x00, 0x01, 0x02, 0x03, 0, 0, 0, 0]),
    ])
    func malformedStructureIsRejectedWithoutCrashing(_ data: Data) {
        #expect(throws: ImageMetadataError.self) { try ImageProvenance.read(from: data) }
    }

    @Test func everyTruncationOfAnEmbeddedFileIsHandled() throws {
        for original in [HistoryFixtures.png(), HistoryFixtures.jpeg] {
            let embedded = try provenance.embedded(in: original)
            for length in 0..<embedded.count {
                // Nil, an error, or the whole provenance once its chunk is in: never a crash or a wrong one.
                if case .success(let found?) = Result(catching: { try ImageProvenance.read(from: embedded.prefix(length)) }) {
                    #expect(found == provenance, "cut at \(length) of \(embedded.count) bytes")
                }
            }
        }
    }

    @Test func damagedSparklerChunkFailsItsCRC() throws {
        var bytes = Array(try provenance.embedded(in: HistoryFixtures.png()))
        let chunk = try #require(try PNGTextChunks.chunks(in: bytes).first { $0.type == "iTXt" })
        bytes[chunk.dataRange.upperBound - 3] ^= 0x20
        #expect(throws: ImageMetadataError.malformed(.png, reason: "the sparkler chunk fails its CRC check")) {
            try ImageProvenance.read(from: Data(bytes))
        }
    }

    @Test func invalidJSONInTheCommentIsReported() throws {
        let payload = Array("sparkler:{not json".utf8)
        let bytes = Array(HistoryFixtures.jpeg)
        let damaged = Data([0xFF, 0xD8, 0xFF, 0xFE, 0, UInt8(payload.count + 2)] + payload + bytes[2...])
        #expect(throws: ImageMetadataError.self) { try ImageProvenance.read(from: damaged) }
    }

    @Test func promptsTooLongForAJPEGCommentLeaveTheImageUnchanged() throws {
        var long = provenance
        long.request.prompt = String(repeating: "fox ", count: 20_000)
        #expect(try long.embedded(in: HistoryFixtures.jpeg) == HistoryFixtures.jpeg)
    }
}
