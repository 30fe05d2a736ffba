import Hummingbird

/// Turns every error a route or the router throws into Fireworks' JSON error body.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return ErrorBody.response(for: error)
        }
    }
}
