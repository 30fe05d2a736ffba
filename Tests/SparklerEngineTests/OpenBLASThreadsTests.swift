import Glibc
import Testing
@testable import SparklerEngine

/// OpenBLAS computes on the calling thread, and the workers it starts on loading are ended at once: they
/// spun in sched_yield for ~100 ms beside the engine's own threads. Read from OpenBLAS's own globals (Debian's
/// pthread build exports them).
@Suite struct OpenBLASThreadsTests {
    private func global(_ name: String) throws -> Int32 {
        try OpenBLAS.require()
        let handle = try #require(dlopen("libopenblas.so.0", RTLD_NOW | RTLD_NOLOAD), "OpenBLAS is loaded")
        let symbol = try #require(dlsym(handle, name), "this OpenBLAS exports \(name)")
        return symbol.assumingMemoryBound(to: Int32.self).pointee
    }

    @Test func noWorkerThreadsRunAfterLoadingNorAfterAProduct() throws {
        #expect(try global("blas_cpu_number") == 1, "products run on the calling thread")
        #expect(try global("blas_server_avail") == 0, "the worker pool is down")
        let a: [Float] = [1, 2, 3, 4], b: [Float] = [5, 6, 7, 8]
        var c = [Float](repeating: 0, count: 4)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    MatrixProduct.multiply(
                        .init(pointer: a.baseAddress!, leadingDimension: 2), .init(pointer: b.baseAddress!, leadingDimension: 2),
                        rows: 2, columns: 2, depth: 2, into: c.baseAddress!, outputStride: 2)
                }
            }
        }
        #expect(c == [19, 22, 43, 50])
        #expect(try global("blas_server_avail") == 0, "a product does not start the workers again")
    }
}
