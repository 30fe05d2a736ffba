import Dispatch
import Synchronization

/// The network's weights, loaded on a thread of their own from the moment the model is opened: OpenBLAS, the
/// safetensors file and the UNet take about 10 ms, which the playground's first frame no longer waits for. The
/// first picture waits for them instead, and fails with the loading error if there is one.
final class NetworkLoading: Sendable {
    private let result = Mutex<Result<SparklerUNet, any Error>?>(nil)
    private let finished = DispatchGroup()

    init(_ load: @escaping @Sendable () throws -> SparklerUNet) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let loaded = Result { try load() }
            self.result.withLock { $0 = loaded }
            self.finished.leave()
        }
    }

    /// The network, once loaded (blocking until then).
    func network() throws -> SparklerUNet {
        finished.wait()
        return try result.withLock { $0! }.get()
    }

    /// Returns once loading has ended, throwing what it threw, without holding a thread meanwhile.
    func finishedLoading() async throws {
        await withCheckedContinuation { continuation in
            finished.notify(queue: .global()) { continuation.resume() }
        }
        _ = try result.withLock { $0! }.get()
    }
}
