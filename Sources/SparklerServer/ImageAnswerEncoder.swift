import Foundation
import HTTPTypes
import Hummingbird
import SparklerCore

/// Writes the pictures the way Fireworks answers: one picture's bytes with `Finish-Reason` and `Seed`
/// headers, or JSON (a list of artifacts on `image_generation` routes, one object on workflow routes).
enum ImageAnswerEncoder {
    static let finishReason = HTTPField.Name("Finish-Reason")!
    static let seed = HTTPField.Name("Seed")!
    /// Sparkler's Fireworks client records it as the server's time in history.
    static let processingTime = HTTPField.Name("Fireworks-Server-Processing-Time")!

    static func response(_ result: GenerationResult, answer: AnswerFormat, route: ImageRoute, id: String) throws -> Response {
        var headers: HTTPFields = [processingTime: String(format: "%.3f", result.timings.total.inSeconds)]
        let body: Data
        switch (answer, result.images.count) {
        case (.image(let format), 1):
            let image = result.images[0]
            headers[.contentType] = format.mimeType
            headers[finishReason] = image.finishReason.rawValue
            headers[seed] = String(image.seed)
            body = image.data
        default:
            headers[.contentType] = "application/json"
            body = try json(result.images, route: route, id: id)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func json(_ images: [GeneratedImage], route: ImageRoute, id: String) throws -> Data {
        if route == .workflow {
            return try JSONEncoder().encode(WorkflowAnswer(
                id: id, base64: images.map { $0.data.base64EncodedString() },
                finishReason: images.first?.finishReason.rawValue ?? FinishReason.success.rawValue,
                seed: images.first?.seed ?? 0
            ))
        }
        return try JSONEncoder().encode(images.map {
            Artifact(base64: $0.data.base64EncodedString(), finishReason: $0.finishReason.rawValue, seed: $0.seed)
        })
    }

    private struct Artifact: Encodable {
        var base64: String
        var finishReason: String
        var seed: Int
    }

    private struct WorkflowAnswer: Encodable {
        var id: String
        var base64: [String]
        var finishReason: String
        var seed: Int
    }
}
