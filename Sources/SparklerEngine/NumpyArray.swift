import Foundation

public enum NumpyArrayError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    case unsupportedDType(String)

    public var description: String {
        switch self {
        case .invalid(let what): "not a readable .npy file: \(what)"
        case .unsupportedDType(let descr): ".npy dtype \(descr) is not supported (<f4, <i4, <f8, <i8)"
        }
    }
}

/// A NumPy .npy array (format v1, v2 or v3, little-endian, C order) of float32, int32, float64 or int64.
/// Values are kept as `[Float]` (`doubles` also keeps float64 at full precision).
public struct NumpyArray: Sendable, Equatable {
    public let shape: [Int]
    public let dtype: String
    public let values: [Float]
    public let doubles: [Double]

    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    public init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else {
            throw NumpyArrayError.invalid("no NUMPY magic")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NumpyArrayError.invalid("truncated header length") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw NumpyArrayError.invalid("format version \(major)")
        }
        guard headerStart + headerLength <= bytes.count,
              let header = String(bytes: bytes[headerStart..<headerStart + headerLength], encoding: .utf8)
        else { throw NumpyArrayError.invalid("truncated header") }
        guard let descr = Self.field("descr", in: header)?.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) else {
            throw NumpyArrayError.invalid("no descr")
        }
        if let order = Self.field("fortran_order", in: header), order != "False" {
            throw NumpyArrayError.invalid("Fortran order")
        }
        guard let shapeText = Self.field("shape", in: header) else { throw NumpyArrayError.invalid("no shape") }
        let shape = try shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { part -> Int in
                guard let n = Int(part), n >= 0 else { throw NumpyArrayError.invalid("shape \(shapeText)") }
                return n
            }
        let count = shape.reduce(1, *)
        let size: Int
        switch descr {
        case "<f4", "<i4": size = 4
        case "<f8", "<i8": size = 8
        default: throw NumpyArrayError.unsupportedDType(descr)
        }
        let start = headerStart + headerLength
        guard bytes.count - start >= count * size else {
            throw NumpyArrayError.invalid("data has \(bytes.count - start) bytes, shape \(shape) needs \(count * size)")
        }
        func word(_ i: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[start + i * size + $1]) << (8 * UInt64($1)) }
        }
        let doubles: [Double] = (0..<count).map { i in
            let w = word(i)
            switch descr {
            case "<f4": return Double(Float(bitPattern: UInt32(w)))
            case "<i4": return Double(Int32(bitPattern: UInt32(w)))
            case "<f8": return Double(bitPattern: w)
            default: return Double(Int64(bitPattern: w))
            }
        }
        self.shape = shape
        self.dtype = descr
        self.doubles = doubles
        self.values = doubles.map { Float($0) }
    }

    /// Integer values (for int arrays such as token ids).
    public var integers: [Int] { doubles.map { Int($0) } }

    /// The text after `'key':` in the header dict, up to the next top-level comma.
    private static func field(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "'\(key)':") else { return nil }
        var depth = 0
        var result = ""
        for ch in header[range.upperBound...] {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if (ch == "," && depth == 0) || ch == "}" { break }
            result.append(ch)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
