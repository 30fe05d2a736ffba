import Hummingbird

/// Lets through only requests that send `Authorization: Bearer <key>`, as Fireworks does; the others get 401.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let key: String
    /// Paths under this prefix need no key (signed picture URLs).
    var open: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let open, request.uri.path.hasPrefix(open) { return try await next(request, context) }
        guard let authorization = request.headers[.authorization] else {
            throw unauthorized("No API key: send the key sparkler serve was started with as Authorization: Bearer KEY.")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", Self.constantTimeEqual(Array(parts[1].utf8), Array(key.utf8)) else {
            throw unauthorized("The API key is wrong: send the key sparkler serve was started with as Authorization: Bearer KEY.")
        }
        return try await next(request, context)
    }

    private func unauthorized(_ message: String) -> ServerError {
        ServerError(status: .unauthorized, message: message, headers: [.wwwAuthenticate: "Bearer"])
    }

    /// Compares without stopping at the first difference, so timing does not reveal how much of a guess was right.
    private static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
