import Logging
import ServiceLifecycle

/// Runs beside the HTTP server and is shut down before it: the line closes first (503 for whoever
/// still waits), then the server stops accepting and lets the running generation finish.
struct QueueShutdown: Service {
    let queue: GenerationQueue
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
            logger.info("Shutting down: refusing new requests, finishing the running one.")
        } catch {
            // Cancelled: the server failed (a port in use) or its task was cancelled, with nothing to finish.
        }
        await queue.close()
    }
}
