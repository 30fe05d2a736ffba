import Hummingbird
import Logging
import SparklerCore

/// One line per request on the server's log: method, path, status and duration (and at debug level a
/// line when it starts). Headers (and so the key) and bodies never reach the log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        logger.debug("\(request.method) \(request.uri.path) started")
        let response = try await next(request, context)
        let milliseconds = Int((clock.now - started).inSeconds * 1000)
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(milliseconds) ms")
        return response
    }
}
