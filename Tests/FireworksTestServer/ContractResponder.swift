import Foundation
import SparklerCore

/// Answers a request the way FIREWORKS_API.md says Fireworks does, or misbehaves as told.
struct ContractResponder: Sendable {
    let apiKey: String
    let basePath: String
    let kontext = KontextTasks()

    func plan(for request: RecordedRequest, behaviour: Behaviour) -> ResponsePlan {
        switch behaviour {
        case .answer(let options):
            return answer(request, options: options)
        case .status(let status, let message, let retryAfter):
            let headers = retryAfter.map { ["Retry-After": $0] } ?? [:]
            return .error(status: status, message: message ?? Self.defaultMessage(status), headers: headers)
        case .htmlPage(let status):
            let title = "\(status) \(Self.reason(status))"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return .respond(status: status, headers: ["Content-Type": "text/html"], body: Data(page.utf8))
        case .truncatedImage(let sendBytes):
            let whole = answer(request, options: AnswerOptions())
            guard case .respond(200, let headers, let body) = whole else { return whole }
            return .cutShort(status: 200, headers: headers, body: body, sendBytes: sendBytes ?? body.count / 2)
        case .notAnImage(let body):
            let accept = request.header("Accept") ?? "image/jpeg"
            let type = accept.hasPrefix("image/") ? accept : "image/jpeg"
            return .respond(status: 200, headers: ["Content-Type": type, "Finish-Reason": "SUCCESS"], body: Data(body.utf8))
        case .raw(let status, let headers, let body):
            return .respond(status: status, headers: headers, body: body)
        case .delayed(let delay, let then):
            return .after(delay, plan(for: request, behaviour: then))
        case .held(let gate, let then):
            return .whenOpen(gate, plan(for: request, behaviour: then))
        case .hang:
            return .hang
        }
    }

    private func answer(_ request: RecordedRequest, options: AnswerOptions) -> ResponsePlan {
        if request.path.hasPrefix(KontextTasks.samplePath) {
            do {
                return try kontext.sample(request)
            } catch {
                return .error(status: 500, message: "test server failed: \(error)")
            }
        }
        guard request.method == "POST" else { return .error(status: 405, message: "Method not allowed") }
        guard let route = Route(path: request.path, basePath: basePath) else {
            return .error(status: 404, message: "Model not found, inaccessible, and/or not deployed: \(request.path)")
        }
        guard request.header("Authorization") == "Bearer \(apiKey)" else {
            return .error(status: 401, message: "The API key you provided is invalid.")
        }
        do {
            switch route.kind {
            case .kontextSubmit: return try kontext.submit(request)
            case .kontextResult: return kontext.result(request)
            case .textToImage, .imageToImage, .controlNet, .workflow: break
            }
            let parameters = try RequestCheck.parameters(of: request, route: route)
            return try render(parameters, request: request, route: route, options: options)
        } catch let problem as RequestCheck.Problem {
            return .error(status: 400, message: problem.message)
        } catch {
            return .error(status: 500, message: "test server failed: \(error)")
        }
    }

    private func render(
        _ parameters: RequestCheck.Parameters, request: RecordedRequest, route: Route, options: AnswerOptions
    ) throws -> ResponsePlan {
        let filtered = options.finishReason == "CONTENT_FILTERED"
        let seeds = (0..<parameters.samples).map { index in
            parameters.seed == 0 ? Int.random(in: 1...2_147_483_647) : parameters.seed &+ index
        }
        let accept = request.header("Accept") ?? "application/json"
        let quality = request.header("Jpeg-Quality").flatMap { Int($0) } ?? 90

        if accept == "image/jpeg" || accept == "image/png" {
            guard parameters.samples == 1 else {
                throw RequestCheck.Problem(message: "samples > 1 needs Accept: application/json")
            }
            let format: ImageFormat = accept == "image/png" ? .png : .jpeg
            let body = try image(parameters, seed: seeds[0], format: format, quality: quality, filtered: filtered)
            var headers = ["Content-Type": format.mimeType]
            let (finishName, seedName) = options.lowercaseHeaderNames ? ("finish-reason", "seed") : ("Finish-Reason", "Seed")
            if !options.omitFinishReason { headers[finishName] = options.finishReason }
            headers[seedName] = String(seeds[0])
            if let time = options.serverProcessingTime { headers["fireworks-server-processing-time"] = time }
            return .respond(status: 200, headers: headers, body: body)
        }
        guard accept.contains("application/json") || accept.contains("*/*") else {
            throw RequestCheck.Problem(message: "unsupported Accept: \(accept)")
        }

        // JSON answers: PNG for SD endpoints, JPEG for workflows.
        let format: ImageFormat = route.isWorkflow ? .jpeg : .png
        let encoded = try seeds.map { seed in
            let base64 = try image(parameters, seed: seed, format: format, quality: quality, filtered: filtered)
                .base64EncodedString()
            return options.dataURLPrefix ? "data:\(format.mimeType);base64,\(base64)" : base64
        }
        var headers: [String: String] = [:]
        if let time = options.serverProcessingTime { headers["fireworks-server-processing-time"] = time }
        if route.isWorkflow {
            return .json(
                status: 200,
                ["id": UUID().uuidString, "base64": encoded, "finishReason": options.finishReason, "seed": seeds[0]],
                headers: headers
            )
        }
        let artifacts: [[String: Any]] = zip(encoded, seeds).map { base64, seed in
            ["base64": base64, "finishReason": options.finishReason, "seed": seed]
        }
        return .json(status: 200, artifacts, headers: headers)
    }

    private func image(
        _ parameters: RequestCheck.Parameters, seed: Int, format: ImageFormat, quality: Int, filtered: Bool
    ) throws -> Data {
        let size = parameters.size
        if filtered { return try TestImages.black(width: size.width, height: size.height, format: format) }
        return try TestImages.encoded(width: size.width, height: size.height, seed: seed, format: format, quality: quality)
    }

    static func defaultMessage(_ status: Int) -> String {
        switch status {
        case 400: "Invalid request"
        case 401: "The API key you provided is invalid."
        case 402: "Account is not on a paid plan or has exceeded its usage limits."
        case 412: "Account suspended. Please check your account status."
        case 403: "You do not have permission to use this model."
        case 404: "Model not found, inaccessible, and/or not deployed"
        case 408: "Request timed out"
        case 413: "Request entity too large"
        case 429: "Rate limit exceeded, please slow down"
        case 500: "Internal server error"
        case 503: "Service unavailable"
        default: reason(status)
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 412: "Precondition Failed"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
