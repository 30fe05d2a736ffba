import Foundation
import Testing
@testable import SparklerEngine

@Suite struct NumpyArrayTests {
    @Test func readsFixtures() throws {
        let x = try NumpyArray(contentsOf: ModelFiles.fixture("x.npy"))
        #expect(x.shape == [1, 3, 32, 32] && x.dtype == "<f4" && x.values.count == 3 * 32 * 32)
        #expect(x.values.allSatisfy { $0.isFinite })
        let t = try NumpyArray(contentsOf: ModelFiles.fixture("t.npy"))
        #expect(t.shape == [1] && t.integers == [500])
        let steps = try NumpyArray(contentsOf: ModelFiles.fixture("ddim_timesteps.npy"))
        #expect(steps.integers.first == 999 && steps.integers.last == 49 && steps.shape == [20])
        let abar = try NumpyArray(contentsOf: ModelFiles.fixture("alphas_cumprod.npy"))
        #expect(abar.shape == [1000] && abar.dtype == "<f8")
        #expect(abar.doubles[0] > 0.99 && abar.doubles[999] < 0.01)
    }

    @Test func readsVersion2AndRejectsGarbage() throws {
        let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [2, 0]
        withUnsafeBytes(of: UInt32(header.utf8.count).littleEndian) { bytes += $0 }
        bytes += Array(header.utf8)
        for value: Float in [1.5, -4] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        let array = try NumpyArray(data: Data(bytes))
        #expect(array.shape == [2] && array.values == [1.5, -4])
        #expect(throws: NumpyArrayError.self) { try NumpyArray(data: Data(bytes.dropLast())) }
        #expect(throws: NumpyArrayError.self) { try NumpyArray(data: Data("hello world".utf8)) }
    }
}
