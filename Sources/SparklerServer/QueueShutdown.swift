import Logging
import ServiceLifecycle
import SparklerCore

/// Runs beside the HTTP server and is shut down before it: the line closes first (503 for whoever
/// still waits), then the server stops accepting and lets the running generation finish within `grace`,
/// after which it is stopped and answered 503 too.
struct QueueShutdown: Service {
    let queue: GenerationQueue
    let grace: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
            logger.info("Shutting down: refusing new requests, finishing the running one (at most \(Int(grace.inSeconds)) s more, then 503).")
        } catch {
            // Cancelled: the server failed (a port in use) or its task was cancelled, with nothing to finish.
        }
        await queue.close(finishingWithin: grace)
    }
}
