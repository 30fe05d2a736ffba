import Foundation
import SparklerCore

/// What the answer's body is, from the request's `Accept` header: the bytes of one picture, or JSON.
enum AnswerFormat: Equatable {
    case json
    case image(ImageFormat)

    /// The picture format the engine encodes: JSON answers carry PNG, the format the official client
    /// asks for whenever it wants JSON (it refuses JPEG with several samples).
    var imageFormat: ImageFormat {
        switch self {
        case .json: .png
        case .image(let format): format
        }
    }

    /// The most preferred type the server offers; no header, or `*/*`, means JSON, which suits any
    /// number of samples. 406 when nothing acceptable is offered.
    static func negotiate(accept: String?) throws -> AnswerFormat {
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return .json }
        var best: (format: AnswerFormat, quality: Double)?
        for range in accept.split(separator: ",") {
            let parameters = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let quality = parameters.dropFirst()
                .first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            guard quality > 0, let format = offer(for: parameters[0]) else { continue }
            if quality > best?.quality ?? 0 { best = (format, quality) }
        }
        guard let best else {
            throw ServerError(
                status: .notAcceptable,
                message: "Accept \(accept) is not offered: ask for image/jpeg, image/png or application/json."
            )
        }
        return best.format
    }

    private static func offer(for mediaRange: String) -> AnswerFormat? {
        switch mediaRange {
        case "application/json", "*/*": .json
        case "image/jpeg", "image/jpg": .image(.jpeg)
        case "image/png", "image/*": .image(.png)
        default: nil
        }
    }
}
