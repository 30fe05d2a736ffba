import Foundation
import HTTPTypes
import Hummingbird
import SparklerCore

/// FLUX Kontext's asynchronous workflow, served by the offline engine: a submission is answered at once
/// with a request id while the picture is made in the background (an edit is the engine's image to
/// image); `get_result` says where it stands; the picture then waits at a signed URL of this server until
/// `sampleLifetime` passes.
struct KontextEndpoint: Sendable {
    static let samplesPath = "\(ImageRoute.base)/samples"
    /// The strength an edit keeps of its picture in the engine's image to image: enough to keep its layout.
    static let editStrength = 0.5

    let models: ServedModels
    let engine: any ImageBackend
    let history: HistoryStore
    let queue: GenerationQueue
    let configuration: ServerConfiguration
    let tasks: KontextTaskStore

    func submit(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = try models.model(
            account: context.parameters.get("modelAccount") ?? context.parameters.require("account"),
            name: context.parameters.require("model"), family: .kontext
        )
        try BodyReader.checkDeclaredLength(request.headers[.contentLength], configuration: configuration)
        let body = try await BodyReader.collect(request.body, configuration: configuration)
        let generation: GenerationRequest
        do {
            generation = try RequestValidator.validate(try ImageRequestDecoder.kontext(RequestFields(jsonBody: body), model: model, limit: models.uploadLimit), for: model)
        } catch let error as ParameterError {
            throw ServerError.parameter(error, family: model.family)
        }
        let id = await tasks.start()
        Task { await run(generation, model: model, id: id) }
        return try Self.json(["request_id": id])
    }

    func result(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try models.model(
            account: context.parameters.get("modelAccount") ?? context.parameters.require("account"),
            name: context.parameters.require("model"), family: .kontext
        )
        let body = try await BodyReader.collect(request.body, configuration: configuration)
        guard let id = try RequestFields(jsonBody: body).string("id") else {
            throw ServerError.badRequest("get_result needs the request id: {\"id\": \"...\"}.")
        }
        var answer: [String: Any] = ["id": id, "result": NSNull(), "progress": NSNull(), "details": NSNull()]
        switch await tasks.status(of: id) {
        case nil:
            answer["status"] = "Task not found"
        case .pending(let fraction)?:
            answer["status"] = "Pending"
            if let fraction { answer["progress"] = fraction }
        case .ready(let picture)?:
            answer["status"] = "Ready"
            answer["progress"] = 1
            // The URL as the client reached this server, so that it works through any address it used.
            let host = request.head.authority ?? "127.0.0.1:\(configuration.port)"
            answer["result"] = [
                "sample": "http://\(host)\(Self.samplesPath)/\(picture.token).\(picture.format.fileExtension)",
                "seed": picture.seed,
            ]
        case .failed(let details)?:
            answer["status"] = "Error"
            answer["details"] = ["message": details]
        }
        return try Self.json(answer)
    }

    /// The signed URL: no key needed (the token is the signature), gone once expired.
    func sample(_ request: Request, context: some RequestContext) async throws -> Response {
        let file = try context.parameters.require("file")
        let token = String(file.prefix { $0 != "." })
        switch await tasks.sample(token: token) {
        case .picture(let picture):
            return Response(
                status: .ok, headers: [.contentType: picture.format.mimeType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: picture.data))
            )
        case .expired:
            throw ServerError(status: .forbidden, message: "This picture's link has expired: ask get_result again only within its lifetime, or submit again.")
        case .unknown:
            throw ServerError(status: .notFound, message: "No picture at this link.")
        }
    }

    private func run(_ request: GenerationRequest, model: ModelCapabilities, id: String) async {
        let service = GenerationService(backend: ServedBackend(engine: engine), history: history)
        do {
            let result = try await queue.withSlot {
                try await service.generateRecorded(request, model: model) { progress in
                    if case .step(let step, let total, _) = progress {
                        Task { await tasks.progress(id, fraction: Double(step) / Double(max(total, 1))) }
                    }
                }.result
            }
            guard let image = result.images.first else { throw LocalEngineFailure.noPicture }
            let picture = KontextTaskStore.Picture(
                data: image.data, format: image.format, seed: image.seed,
                token: UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""), readyAt: .now
            )
            await tasks.finish(id, with: .ready(picture))
        } catch GenerationQueue.Refusal.full {
            await tasks.finish(id, with: .failed(details: "The engine is busy and its line is full: submit again in a while."))
        } catch GenerationQueue.Refusal.closed {
            await tasks.finish(id, with: .failed(details: "sparkler serve is shutting down."))
        } catch GenerationQueue.Refusal.stoppedAtShutdown {
            await tasks.finish(id, with: .failed(details: configuration.stoppedAtShutdownMessage))
        } catch {
            await tasks.finish(id, with: .failed(details: "The engine failed: \(error)"))
        }
    }

    private enum LocalEngineFailure: Error {
        case noPicture
    }

    private static func json(_ object: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
