import Foundation
import GRDB
@testable import SparklerCore

/// Small, valid images built in the test itself, and the requests and results that history records.
enum HistoryFixtures {
    /// A grayscale PNG whose pixels are all `gray`; its zlib stream uses one stored (uncompressed) block.
    static func png(width: Int = 2, height: Int = 2, gray: UInt8 = 128) -> Data {
        let row: [UInt8] = [0] + [UInt8](repeating: gray, count: width)  // filter type 0, then the pixels
        let raw = [[UInt8]](repeating: row, count: height).flatMap { $0 }
        let length = UInt16(raw.count)
        var zlib: [UInt8] = [0x78, 0x01, 0x01]  // zlib header, then one final stored block
        zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        zlib += raw
        zlib += BigEndian.bytes(adler32(raw))
        var header = BigEndian.bytes(UInt32(width)) + BigEndian.bytes(UInt32(height))
        header += [8, 0, 0, 0, 0]  // 8-bit grayscale, no interlace
        return Data(
            PNGTextChunks.signature
                + PNGTextChunks.makeChunk(type: "IHDR", data: header)
                + PNGTextChunks.makeChunk(type: "IDAT", data: zlib)
                + PNGTextChunks.makeChunk(type: "IEND", data: [])
        )
    }

    /// A 1x1 orange baseline JPEG (JFIF APP0, two DQT, SOF0, four DHT, SOS), 285 bytes.
    static let jpeg = Data(base64Encoded: [
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMU",
        "FRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU",
        "FBQUFBQUFBT/wAARCAABAAEDAREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAABv/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAU",
        "AQEAAAAAAAAAAAAAAAAAAAAI/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8Aeg4Yr//Z",
    ].joined()) ?? Data()

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// A request as `RequestValidator` leaves it: every default filled in.
    static func request(
        prompt: String = "a red fox in the snow", negativePrompt: String? = "blurry",
        seed: Int = 0, samples: Int = 1, format: ImageFormat = .png, mode: GenerationMode = .textToImage
    ) -> GenerationRequest {
        GenerationRequest(
            prompt: prompt, negativePrompt: negativePrompt,
            shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: 3, steps: 30, seed: seed,
            sampler: nil, samples: samples, format: format, safetyCheck: false, mode: mode
        )
    }

    static func picture(gray: UInt8 = 128, seed: Int = 42, finishReason: FinishReason = .success) -> GeneratedImage {
        GeneratedImage(
            data: png(gray: gray), format: .png, size: ImageSize(width: 2, height: 2),
            seed: seed, finishReason: finishReason
        )
    }

    static func result(_ images: [GeneratedImage], stepsBilled: Int? = nil) -> GenerationResult {
        GenerationResult(
            images: images,
            timings: GenerationTimings(total: .milliseconds(1_250), attempts: 2, server: .milliseconds(900)),
            stepsBilled: stepsBilled ?? 30 * images.count
        )
    }
}

/// A history store in a fresh temporary directory, removed when the test is done with it.
final class TemporaryHistory {
    let directory: URL
    let store: HistoryStore

    /// A fresh history, or one that starts as a copy of `database` (a `history.sqlite` an older Sparkler wrote).
    init(copying database: URL? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sparkler-history-\(UUID().uuidString)")
        if let database {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: database, to: directory.appending(path: "history.sqlite"))
        }
        store = try HistoryStore(directory: directory, appVersion: "test")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func openAnother() throws -> HistoryStore {
        try HistoryStore(directory: directory, appVersion: "test")
    }

    /// Every file under `images/` except the temporary folder, as relative paths.
    func storedImagePaths() -> [String] {
        let root = directory.appending(path: "images")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.appending(path: path).path, isDirectory: &isDirectory)
            if exists, !isDirectory.boolValue, !path.hasPrefix("tmp/") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// What `PRAGMA integrity_check` says: "ok" for a sound database.
    func integrityCheck() throws -> String? {
        try store.database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
    }

    func temporaryFileNames() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "images/tmp").path)) ?? []
    }
}
