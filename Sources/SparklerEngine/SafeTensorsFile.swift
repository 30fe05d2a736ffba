import Foundation

/// A tensor read from a safetensors file, converted to float32, in C (row-major) order.
public struct Tensor: Sendable, Equatable {
    public let shape: [Int]
    public let values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    public var count: Int { values.count }
}

public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    /// The file ends before the header or before a tensor's data.
    case truncated(String)
    /// The header is not the JSON object the format describes.
    case badHeader(String)
    case unknownDType(tensor: String, dtype: String)
    case missingTensor(String)

    public var description: String {
        switch self {
        case .truncated(let what): "safetensors file is truncated: \(what)"
        case .badHeader(let what): "safetensors header is invalid: \(what)"
        case .unknownDType(let tensor, let dtype): "tensor \(tensor) has unsupported dtype \(dtype) (F16 and F32 are read)"
        case .missingTensor(let name): "tensor \(name) is not in the safetensors file"
        }
    }
}

/// A parsed safetensors file: an 8-byte little-endian header length, a JSON header of
/// name -> {dtype, shape, data_offsets} (offsets relative to the end of the header), then the data.
/// F16 and F32 tensors are returned as `[Float]`.
public struct SafeTensorsFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        /// Byte range inside the data section.
        public let dataOffsets: Range<Int>
    }

    public let entries: [String: Entry]
    public let metadata: [String: String]
    private let data: Data
    private let dataStart: Int

    /// Mapped, not read: the weights are copied out as floats once (`tensor(_:)`), and a copy of the whole file
    /// first took 3 ms of the playground's way to its first frame.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url, options: .alwaysMapped))
    }

    public init(data: Data) throws {
        let data = data.startIndex == 0 ? data : Data(data)
        guard data.count >= 8 else { throw SafeTensorsError.truncated("\(data.count) bytes, no 8-byte header length") }
        var headerLength: UInt64 = 0
        for i in 0..<8 { headerLength |= UInt64(data[i]) << (8 * UInt64(i)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw SafeTensorsError.truncated("header of \(headerLength) bytes but only \(data.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<headerEnd))
        } catch {
            throw SafeTensorsError.badHeader("not JSON")
        }
        guard let header = json as? [String: Any] else { throw SafeTensorsError.badHeader("not a JSON object") }
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        let available = data.count - headerEnd
        for (name, value) in header {
            if name == "__metadata__" {
                guard let meta = value as? [String: Any] else { throw SafeTensorsError.badHeader("__metadata__ is not an object") }
                for (key, v) in meta { metadata[key] = v as? String ?? "\(v)" }
                continue
            }
            guard let object = value as? [String: Any],
                  let dtype = object["dtype"] as? String,
                  let shape = Self.integers(object["shape"]),
                  let offsets = Self.integers(object["data_offsets"]), offsets.count == 2
            else { throw SafeTensorsError.badHeader("entry \(name) lacks dtype, shape or data_offsets") }
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw SafeTensorsError.badHeader("entry \(name) has a negative shape or reversed offsets")
            }
            if let size = Self.elementSize(dtype) {
                let elements = shape.reduce(1, *)
                guard elements * size == offsets[1] - offsets[0] else {
                    throw SafeTensorsError.badHeader(
                        "entry \(name): shape \(shape) of \(dtype) needs \(elements * size) bytes, offsets give \(offsets[1] - offsets[0])")
                }
            }
            guard offsets[1] <= available else {
                throw SafeTensorsError.truncated("tensor \(name) ends at byte \(offsets[1]) of the data, which has \(available)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, dataOffsets: offsets[0]..<offsets[1])
        }
        self.entries = entries
        self.metadata = metadata
        self.data = data
        self.dataStart = headerEnd
    }

    public var names: [String] { entries.keys.sorted() }

    /// The tensor `name` as float32 values with its shape.
    public func tensor(_ name: String) throws -> Tensor {
        guard let entry = entries[name] else { throw SafeTensorsError.missingTensor(name) }
        let start = dataStart + entry.dataOffsets.lowerBound
        let count = entry.shape.reduce(1, *)
        let values: [Float]
        switch entry.dtype {
        case "F16":
            values = data.withUnsafeBytes { raw in
                [Float](unsafeUninitializedCapacity: count) { floats, initialized in
                    for i in 0..<count {
                        floats[i] = Self.float(half: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self)))
                    }
                    initialized = count
                }
            }
        case "F32":
            values = data.withUnsafeBytes { raw in
                [Float](unsafeUninitializedCapacity: count) { floats, initialized in
                    for i in 0..<count {
                        floats[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)))
                    }
                    initialized = count
                }
            }
        default:
            throw SafeTensorsError.unknownDType(tensor: name, dtype: entry.dtype)
        }
        return Tensor(shape: entry.shape, values: values)
    }

    /// A float16 bit pattern as float32, exactly, by moving its fields: without F16C in the build each
    /// `Float(Float16)` is a call into the runtime, and the 2.4M weights are on the playground's way to its first frame.
    static func float(half: UInt16) -> Float {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = UInt32(half >> 10) & 0x1F
        let fraction = UInt32(half & 0x3FF)
        switch exponent {
        case 0x1F:  // infinity, or NaN with its payload (quieted, as a conversion does)
            return Float(bitPattern: sign | 0x7F80_0000 | (fraction << 13) | (fraction == 0 ? 0 : 0x0040_0000))
        case 0:  // zero or subnormal: fraction x 2^-24, exact in float32
            let magnitude = Float(fraction) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        default:  // rebias the exponent from 15 to 127
            return Float(bitPattern: sign | ((exponent + 112) << 23) | (fraction << 13))
        }
    }

    private static func elementSize(_ dtype: String) -> Int? {
        switch dtype {
        case "F16", "BF16", "I16", "U16": 2
        case "F32", "I32", "U32": 4
        case "F64", "I64", "U64": 8
        case "I8", "U8", "BOOL": 1
        default: nil
        }
    }

    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        for element in array {
            guard let number = element as? NSNumber else { return nil }
            let double = number.doubleValue
            guard double == double.rounded(), abs(double) < 1e15 else { return nil }
            result.append(Int(double))
        }
        return result
    }
}
