import CBLAS
import Glibc

/// OpenBLAS, opened the first time the offline engine loads a model rather than linked: loading it starts
/// its thread pool and brings in the Fortran runtime, which every command paid for before, even `--version`
/// (an empty C program takes 2.6 ms, linked with OpenBLAS 48 ms on a busy two-core machine).
struct OpenBLAS: Sendable {
    typealias MatrixProduct = @convention(c) (
        CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint,
        Float, UnsafePointer<Float>?, blasint, UnsafePointer<Float>?, blasint,
        Float, UnsafeMutablePointer<Float>?, blasint
    ) -> Void
    typealias ThreadCount = @convention(c) (Int32) -> Void
    typealias ThreadShutdown = @convention(c) () -> Int32

    /// `cblas_sgemm`, which computes on the calling thread (see `load`).
    let sgemm: MatrixProduct

    /// The library, loaded once; the error says what to install when it is missing.
    static let loaded: Result<OpenBLAS, ModelLoadingError> = load()

    /// The loaded library. `EngineModel` calls `require()` first, so a missing library is a model-loading
    /// error with a message rather than this stop.
    static var shared: OpenBLAS {
        switch loaded {
        case .success(let library): library
        case .failure(let error): fatalError(error.description)
        }
    }

    static func require() throws(ModelLoadingError) {
        _ = try loaded.get()
    }

    private static func load() -> Result<OpenBLAS, ModelLoadingError> {
        let names = ["libopenblas.so.0", "libopenblas.so"]
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(.notFound("the offline engine needs OpenBLAS (Debian: libopenblas0; `make run` installs it): \(reason)"))
        }
        guard let sgemm = dlsym(handle, "cblas_sgemm"), let threads = dlsym(handle, "openblas_set_num_threads") else {
            return .failure(.notFound("the OpenBLAS library found has no cblas_sgemm or openblas_set_num_threads"))
        }
        // Every product runs on the calling thread, from the first: the engine runs its own threads (one per guidance
        // branch; OpenBLAS's idle workers would spin on the cores they need), and a product split over workers
        // could end in other bits than the same product alone, so a seed would not always remake its picture.
        unsafeBitCast(threads, to: ThreadCount.self)(1)
        // The workers OpenBLAS started on loading are stopped too: each spins in sched_yield for its first ~100 ms,
        // which took a core from the first picture and from the playground's first frame. After this, setting the
        // thread count again would start them anew. (Absent from some builds, such as the OpenMP one.)
        if let shutdown = dlsym(handle, "blas_thread_shutdown_") {
            _ = unsafeBitCast(shutdown, to: ThreadShutdown.self)()
        }
        return .success(OpenBLAS(sgemm: unsafeBitCast(sgemm, to: MatrixProduct.self)))
    }
}
