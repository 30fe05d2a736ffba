import Crypto
import Foundation

/// A file in the image store, named by the SHA-256 of its bytes.
struct StoredImageFile: Sendable, Hashable {
    var hash: String
    var fileExtension: String

    init(hash: String, fileExtension: String) {
        self.hash = hash
        self.fileExtension = fileExtension
    }

    init(contents: Data, fileExtension: String) {
        self.init(hash: Self.sha256Hex(contents), fileExtension: fileExtension)
    }

    /// `ab/abcdef....png`: a two-character shard keeps any one folder small.
    var relativePath: String { "\(hash.prefix(2))/\(hash).\(fileExtension)" }

    /// The file a `relativePath` names; nil for any other name.
    init?(relativePath: String) {
        let parts = relativePath.split(separator: "/")
        guard parts.count == 2, let dot = parts[1].firstIndex(of: ".") else { return nil }
        let hash = String(parts[1][..<dot]), fileExtension = String(parts[1][parts[1].index(after: dot)...])
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit), hash.lowercased() == hash, parts[0] == hash.prefix(2),
              !fileExtension.isEmpty, !fileExtension.contains(".")
        else { return nil }
        self.init(hash: hash, fileExtension: fileExtension)
    }

    static func sha256Hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return hex
    }

    /// The extension for an init or control image: its format as its bytes tell, `bin` when unknown.
    static func fileExtension(sniffing data: Data) -> String {
        let head = Array(data.prefix(12))
        if head.starts(with: PNGTextChunks.signature) { return ImageFormat.png.fileExtension }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return ImageFormat.jpeg.fileExtension }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), head[8...].elementsEqual("WEBP".utf8) { return "webp" }
        if head.starts(with: Array("GIF8".utf8)) { return "gif" }
        return "bin"
    }
}
