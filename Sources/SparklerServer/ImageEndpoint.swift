import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SparklerCore

/// One image route's requests from arrival to answer: the model, the answer format, the body, the
/// validated request, a place in the engine's line, the run (recorded in history), the pictures.
struct ImageEndpoint: Sendable {
    static let jpegQuality = HTTPField.Name("Jpeg-Quality")!

    let route: ImageRoute
    let models: ServedModels
    let engine: any ImageBackend
    let history: HistoryStore
    let queue: GenerationQueue
    let configuration: ServerConfiguration

    func respond(to request: Request, context: some RequestContext) async throws -> Response {
        let model = try models.model(
            account: context.parameters.get("modelAccount") ?? context.parameters.require("account"),
            name: context.parameters.require("model"), on: route
        )
        let negotiated = try AnswerFormat.negotiate(accept: request.headers[.accept])
        let quality = try jpegQuality(request.headers)
        try BodyReader.checkDeclaredLength(request.headers[.contentLength], configuration: configuration)
        var response: Response
        do {
            // Cancelled when the client goes away: the request leaves the line, or its generation stops.
            response = try await request.body.consumeWithCancellationOnInboundClose { body in
                let data = try await BodyReader.collect(body, configuration: configuration)
                var generation = try decode(data, contentType: request.headers[.contentType], model: model)
                let answer = generation.samples > 1 ? AnswerFormat.json : negotiated
                generation.format = answer.imageFormat
                generation.jpegQuality = quality
                return try await generate(try validated(generation, for: model), model: model, answer: answer, logger: context.logger)
            }
        } catch {
            response = ErrorBody.response(for: error)
        }
        // Watching for the client to leave ends the connection's reading: it cannot carry another request.
        response.headers[.connection] = "close"
        return response
    }

    private func decode(_ body: Data, contentType: String?, model: ModelCapabilities) throws -> GenerationRequest {
        switch route {
        case .textToImage:
            return try ImageRequestDecoder.textToImage(RequestFields(jsonBody: body), model: model)
        case .workflow:
            return try ImageRequestDecoder.workflow(RequestFields(jsonBody: body), model: model)
        case .imageToImage:
            guard let boundary = contentType.flatMap(MultipartParser.boundary(in:)) else {
                throw ServerError.badRequest("image_to_image takes a multipart/form-data body (Content-Type: multipart/form-data; boundary=...).")
            }
            let form: MultipartParser.Parsed
            do {
                form = try MultipartParser.parse(body, boundary: boundary)
            } catch {
                throw ServerError.badRequest("The body is a \(error).")
            }
            return try ImageRequestDecoder.imageToImage(form, model: model, limit: models.uploadLimit)
        case .controlNet:
            throw ServerError.badRequest(
                "sparkler serve runs the offline engine, which has no ControlNet: use text to image or image_to_image."
            )
        case .cannyEdgeDetection:
            throw ServerError.badRequest(
                "sparkler serve offers no Canny edge detection: it prepares ControlNet images, and the offline engine has no ControlNet."
            )
        }
    }

    private func validated(_ request: GenerationRequest, for model: ModelCapabilities) throws -> GenerationRequest {
        do {
            return try RequestValidator.validate(request, for: model)
        } catch {
            throw ServerError.parameter(error, family: model.family)
        }
    }

    private func generate(
        _ request: GenerationRequest, model: ModelCapabilities, answer: AnswerFormat, logger: Logger
    ) async throws -> Response {
        let backend = ServedBackend(engine: engine)
        let service = GenerationService(backend: backend, history: history)
        let groupID = HistoryEntry.newGroupID()
        let result: GenerationResult
        do {
            result = try await queue.withSlot {
                // Past the queue: a shutdown from here on lets this request finish.
                logger.debug("\(model.id.name): drawing \(request.samples) picture(s)")
                if let upload = request.mode.image { try UploadLimit.checkDecodes(upload.data, part: "init_image") }
                return try await service.generateRecorded(request, model: model, groupID: groupID).result
            }
        } catch GenerationQueue.Refusal.full(let seconds) {
            throw ServerError(
                status: .tooManyRequests,
                message: "The engine is busy and \(configuration.queueCapacity) requests already wait for it; retry in \(seconds) s.",
                headers: [.retryAfter: String(seconds)]
            )
        } catch GenerationQueue.Refusal.closed {
            throw ServerError(status: .serviceUnavailable, message: "sparkler serve is shutting down.")
        } catch GenerationQueue.Refusal.stoppedAtShutdown {
            throw ServerError(status: .serviceUnavailable, message: configuration.stoppedAtShutdownMessage)
        } catch let unrecorded as PicturesNotRecorded {
            // The client gets its pictures; why history missed them, and where the copies are, is the log's.
            logger.warning("\(unrecorded.description)")
            result = unrecorded.result
        } catch let failure as GenerationFailure {
            throw ServerError(status: .internalServerError, message: "The engine failed: \(failure.message)")
        }
        return try ImageAnswerEncoder.response(result, answer: answer, route: route, id: groupID)
    }

    private func jpegQuality(_ headers: HTTPFields) throws -> Int? {
        guard let text = headers[Self.jpegQuality] else { return nil }
        guard let quality = Int(text.trimmingCharacters(in: .whitespaces)), (0...100).contains(quality) else {
            throw ServerError.badRequest("Jpeg-Quality must be a whole number from 0 to 100, not \(text).")
        }
        return quality
    }
}
