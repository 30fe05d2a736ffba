import Foundation
import Testing
@testable import SparklerEngine

@Suite struct SafeTensorsFileTests {
    @Test func loadsTheShippedModel() throws {
        let file = try SafeTensorsFile(contentsOf: ModelFiles.weights)
        #expect(file.entries.count == 163)
        #expect(file.metadata["format"] == "pt")
        #expect(file.entries.values.allSatisfy { $0.dtype == "F16" })

        let tokEmb = try file.tensor("text.tok_emb.weight")
        #expect(tokEmb.shape == [246, 128])
        #expect(tokEmb.count == 246 * 128)
        #expect(try file.tensor("text.pos_emb").shape == [20, 128])
        #expect(try file.tensor("conv_in.weight").shape == [32, 5, 3, 3])
        #expect(try file.tensor("time_fc1.weight").shape == [256, 64])
        #expect(try file.tensor("down1_attn.k.weight").shape == [64, 128])
        #expect(try file.tensor("mid_attn.out.bias").shape == [128])

        for name in file.names {
            let tensor = try file.tensor(name)
            #expect(tensor.values.count == tensor.shape.reduce(1, *), "\(name)")
            #expect(tensor.values.allSatisfy { $0.isFinite }, "\(name) has a non-finite value")
        }
        // Values as NumPy reads them (float16 -> float32, exact); they change whenever the model is re-exported.
        let convInBias = try file.tensor("conv_in.bias").values
        #expect(Array(convInBias.prefix(3)) == [0.1783447265625, -0.052093505859375, 0.0908203125])
        #expect(convInBias.last == -0.0804443359375)
        // Weights are trained, not all zero.
        #expect(tokEmb.values.contains { $0 != 0 })
    }

    /// All 65,536 float16 patterns: zeros, subnormals, normals, infinities and NaNs convert as the runtime does.
    @Test func everyHalfConvertsExactlyAsTheRuntimeDoes() {
        var differing: [UInt16] = []
        for bits in 0...UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let converted = SafeTensorsFile.float(half: bits)
            let same = expected.isNaN
                ? converted.isNaN && converted.sign == expected.sign
                : converted.bitPattern == expected.bitPattern
            if !same { differing.append(bits) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func everyTensorMatchesTensorsDoc() throws {
        let file = try SafeTensorsFile(contentsOf: ModelFiles.weights)
        let doc = try String(contentsOf: ModelFiles.tensorsDoc, encoding: .utf8)
        var documented: [String: [Int]] = [:]
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let shape = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "()"))
                .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            documented[name] = shape
        }
        #expect(documented.count == 163)
        for (name, shape) in documented {
            #expect(file.entries[name]?.shape == shape, "\(name)")
        }
    }

    @Test func readsF16AndF32() throws {
        // F16 1.0, -2.0, 0.5; F32 3.25, -0.125.
        let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38]
        var f32: [UInt8] = []
        for value: Float in [3.25, -0.125] { withUnsafeBytes(of: value.bitPattern.littleEndian) { f32 += $0 } }
        let data = Self.file(
            header: #"{"__metadata__":{"format":"pt"},"h":{"dtype":"F16","shape":[3],"data_offsets":[0,6]},"s":{"dtype":"F32","shape":[1,2],"data_offsets":[6,14]}}"#,
            data: f16 + f32)
        let file = try SafeTensorsFile(data: data)
        #expect(try file.tensor("h") == Tensor(shape: [3], values: [1, -2, 0.5]))
        #expect(try file.tensor("s") == Tensor(shape: [1, 2], values: [3.25, -0.125]))
    }

    @Test func truncatedFiles() throws {
        let full = Self.file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [UInt8](repeating: 0, count: 8))
        for data in [Data([1, 2, 3])] + [4, 8, 20, full.count - 1].map({ full.prefix($0) }) {
            guard case .truncated? = Self.error(loading: data) else {
                Issue.record("\(data.count) bytes: \(String(describing: Self.error(loading: data)))")
                continue
            }
        }
        let real = try Data(contentsOf: ModelFiles.weights)
        let error = Self.error(loading: real.prefix(real.count - 100))
        guard case .truncated? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func badHeaders() {
        for header in [
            "not json",
            "[1, 2]",
            #"{"w":{"dtype":"F32","shape":[2]}}"#,
            #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#,
            #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#,
            #"{"w":"F32"}"#,
        ] {
            let error = Self.error(loading: Self.file(header: header, data: [UInt8](repeating: 0, count: 8)))
            guard case .badHeader? = error else { Issue.record("\(header): \(String(describing: error))"); continue }
        }
    }

    /// The error loading `data` throws, nil if it loads.
    static func error(loading data: Data) -> SafeTensorsError? {
        do {
            _ = try SafeTensorsFile(data: data)
            return nil
        } catch {
            return error as? SafeTensorsError
        }
    }

    @Test func unknownDTypeAndMissingTensor() throws {
        let file = try SafeTensorsFile(data: Self.file(
            header: #"{"b":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]},"q":{"dtype":"Q4","shape":[2],"data_offsets":[4,5]}}"#,
            data: [UInt8](repeating: 0, count: 5)))
        #expect(throws: SafeTensorsError.unknownDType(tensor: "b", dtype: "BF16")) { try file.tensor("b") }
        #expect(throws: SafeTensorsError.unknownDType(tensor: "q", dtype: "Q4")) { try file.tensor("q") }
        #expect(throws: SafeTensorsError.missingTensor("nope")) { try file.tensor("nope") }
        #expect(SafeTensorsError.missingTensor("nope").description.contains("nope"))
    }

    static func file(header: String, data: [UInt8]) -> Data {
        let json = Array(header.utf8)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes += $0 }
        return Data(bytes + json + data)
    }
}
