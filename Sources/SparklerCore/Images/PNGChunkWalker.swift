import Foundation

/// Walks a PNG's chunk list to tell a cut-short file from a damaged one: libpng reports both
/// as a generic read error, and its simplified reader stops before `IEND`.
enum PNGChunkWalker {
    static func checkComplete(_ data: Data) throws {
        let bytes = [UInt8](data)
        var offset = PNGCodec.signature.count
        while true {
            guard offset + 8 <= bytes.count else {
                throw ImageCodecError.truncated(.png, byteCount: bytes.count)
            }
            let length = bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard length <= Int(Int32.max) else {
                throw ImageCodecError.corrupt(.png, reason: "chunk \(type) claims \(length) bytes")
            }
            let next = offset + 12 + length
            guard next <= bytes.count else {
                throw ImageCodecError.truncated(.png, byteCount: bytes.count)
            }
            if type == "IEND" { return }
            offset = next
        }
    }
}
