import Foundation
import NIOConcurrencyHelpers
import SparklerCore

/// The FLUX Kontext workflow (FIREWORKS_API.md): a submission makes a task and answers its id; each
/// `get_result` poll takes the task one step along its script; once Ready, the picture waits at a signed
/// URL on this server, fetched without the API key, until it expires.
final class KontextTasks: Sendable {
    private struct Task {
        var script: KontextScript
        var pollsAnswered = 0
        /// Drawn when first fetched, so that a submission is answered at once, as Fireworks does.
        var size: ImageSize
        var format: ImageFormat
        var seed: Int
        var sampleToken = UUID().uuidString.lowercased()
        var readyAt: ContinuousClock.Instant?
    }

    private struct State {
        var script = KontextScript()
        var tasks: [String: Task] = [:]
    }

    private let state = NIOLockedValueBox(State())
    static let samplePath = "/samples/"

    func setScript(_ script: KontextScript) {
        state.withLockedValue { $0.script = script }
    }

    /// Checks the submission as Fireworks documents it and starts a task.
    func submit(_ request: RecordedRequest) throws -> ResponsePlan {
        guard (request.header("Content-Type") ?? "").lowercased().hasPrefix("application/json"), let json = request.json else {
            throw RequestCheck.Problem(message: "expected a JSON object body with Content-Type: application/json")
        }
        let allowed: Set<String> = [
            "prompt", "input_image", "seed", "aspect_ratio", "output_format", "prompt_upsampling", "safety_tolerance",
            "webhook_url", "webhook_secret",
        ]
        if let unknown = Set(json.keys).subtracting(allowed).sorted().first {
            return Self.badRequest("unknown field \(unknown)")
        }
        guard case .string(let prompt)? = json["prompt"], !prompt.isEmpty else { return Self.badRequest("prompt is required") }
        var seed = Int.random(in: 1...2_147_483_647)
        if let value = json["seed"] {
            guard case .int(let given) = value, (0...2_147_483_647).contains(given) else { return Self.badRequest("seed must be an integer") }
            if given != 0 { seed = given }
        }
        var format = ImageFormat.jpeg
        if let value = json["output_format"] {
            guard case .string(let text) = value, let parsed = ImageFormat(rawValue: text) else {
                return Self.badRequest("output_format must be jpeg or png")
            }
            format = parsed
        }
        if let value = json["prompt_upsampling"], case .bool = value {} else if json["prompt_upsampling"] != nil {
            return Self.badRequest("prompt_upsampling must be a boolean")
        }
        var input: RGBAImage?
        if let value = json["input_image"] {
            guard case .string(let base64) = value, let data = Data(base64Encoded: base64), let image = try? ImageCodec.decode(data) else {
                return Self.badRequest("input_image must be a base64 JPEG or PNG")
            }
            input = image
        }
        if let value = json["safety_tolerance"] {
            guard case .int(let tolerance) = value, (0...6).contains(tolerance) else {
                return Self.badRequest("safety_tolerance must be an integer from 0 to 6")
            }
            if input != nil, tolerance > 2 { return Self.badRequest("safety_tolerance must be at most 2 with an input_image") }
        }
        var size = input.map(\.size) ?? ImageSize(width: 1024, height: 1024)
        if let value = json["aspect_ratio"] {
            guard case .string(let ratio) = value, let parsed = Self.size(ofRatio: ratio) else {
                return Self.badRequest("aspect_ratio must be between 21:9 and 9:21")
            }
            size = parsed
        }
        let id = UUID().uuidString.lowercased()
        state.withLockedValue { state in
            state.tasks[id] = Task(script: state.script, size: size, format: format, seed: seed)
        }
        return .json(status: 200, ["request_id": id])
    }

    /// One `get_result` poll: the task's next scripted answer.
    func result(_ request: RecordedRequest) -> ResponsePlan {
        guard case .string(let id)? = request.json?["id"] else { return Self.badRequest("id is required") }
        let answer: [String: Any] = state.withLockedValue { state in
            guard var task = state.tasks[id] else { return ["id": id, "status": "Task not found", "result": NSNull(), "progress": NSNull(), "details": NSNull()] }
            guard state.tasks.count >= task.script.pendingUntilSubmitted else {
                return ["id": id, "status": "Pending", "result": NSNull(), "progress": NSNull(), "details": NSNull()]
            }
            let poll = task.script.polls[min(task.pollsAnswered, task.script.polls.count - 1)]
            task.pollsAnswered += 1
            var answer: [String: Any] = ["id": id, "status": poll.status, "result": NSNull(), "progress": NSNull(), "details": NSNull()]
            switch poll {
            case .pending(let progress):
                if let progress { answer["progress"] = progress }
            case .ready:
                task.readyAt = task.readyAt ?? .now
                let host = request.header("Host") ?? "127.0.0.1"
                answer["result"] = [
                    "sample": "http://\(host)\(Self.samplePath)\(task.sampleToken).\(task.format.fileExtension)?se=signed&sig=abc",
                    "seed": task.seed,
                ]
                answer["progress"] = 1.0
            case .requestModerated(let details), .contentModerated(let details), .error(let details):
                answer["details"] = ["message": details]
            case .taskNotFound:
                break
            }
            state.tasks[id] = task
            return answer
        }
        return .json(status: 200, answer)
    }

    /// The signed picture URL: no Authorization header allowed (it would leak the key to another host).
    func sample(_ request: RecordedRequest) throws -> ResponsePlan {
        guard request.method == "GET" else { return .error(status: 405, message: "Method not allowed") }
        if request.header("Authorization") != nil {
            return .respond(status: 400, headers: ["Content-Type": "text/plain"], body: Data("a signed URL takes no Authorization header".utf8))
        }
        let token = String(request.path.dropFirst(Self.samplePath.count).prefix { $0 != "." })
        let found = state.withLockedValue { $0.tasks.values.first { $0.sampleToken == token } }
        guard let task = found, let readyAt = task.readyAt else {
            return .respond(status: 404, headers: ["Content-Type": "text/plain"], body: Data("no such sample".utf8))
        }
        let expired = switch task.script.sample {
        case .expired: true
        case .serve(let lifetime): ContinuousClock.now - readyAt > lifetime
        }
        if expired {
            let body = "<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed</Message></Error>"
            return .respond(status: 403, headers: ["Content-Type": "application/xml"], body: Data(body.utf8))
        }
        let picture = try TestImages.encoded(width: task.size.width, height: task.size.height, seed: task.seed, format: task.format)
        return .respond(status: 200, headers: ["Content-Type": task.format.mimeType], body: picture)
    }

    private static func badRequest(_ message: String) -> ResponsePlan {
        .json(status: 400, ["error_message": message])
    }

    /// About a megapixel at `ratio`, which must lie between 21:9 and 9:21.
    private static func size(ofRatio ratio: String) -> ImageSize? {
        let parts = ratio.split(separator: ":").compactMap { Double($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        let value = parts[0] / parts[1]
        guard value <= 21.0 / 9 + 1e-9, value >= 9.0 / 21 - 1e-9 else { return nil }
        let width = (1024 * value.squareRoot() / 16).rounded() * 16
        let height = (1024 / value.squareRoot() / 16).rounded() * 16
        return ImageSize(width: Int(width), height: Int(height))
    }
}
