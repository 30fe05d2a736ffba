import Foundation

/// Reads the images out of a successful answer, binary or JSON, checks each one decodes, and
/// delivers them in the requested format.
enum FireworksAnswerDecoder {
    static func images(in response: ReceivedResponse, for request: GenerationRequest, expectsJSON: Bool) throws -> [GeneratedImage] {
        let received: [GeneratedImage]
        if expectsJSON || response.mediaType?.hasSuffix("json") == true {
            received = try jsonImages(in: response.body, for: request)
        } else {
            let announced = format(ofMediaType: response.mediaType) ?? request.format
            let finishReason = try finishReason(response.header("finish-reason"))
            let seed = response.header("seed").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? request.seed
            received = [try inspected(response.body, as: announced, seed: seed, finishReason: finishReason)]
        }
        return try received.map { try converted($0, to: request.format, quality: request.jpegQuality) }
    }

    /// JSON answers carry whatever format the server chose (no Accept can ask for one), so an image
    /// in another format than requested is re-encoded: callers always get what they asked for.
    private static func converted(_ image: GeneratedImage, to format: ImageFormat, quality: Int?) throws -> GeneratedImage {
        guard image.format != format else { return image }
        do {
            let pixels = try ImageCodec.decode(image.data)
            let data = try ImageCodec.encode(pixels, as: format, quality: quality ?? 90)
            return GeneratedImage(data: data, format: format, size: image.size, seed: image.seed, finishReason: image.finishReason)
        } catch let error as ImageCodecError {
            throw FireworksError.invalidImage(error, finishReason: image.finishReason)
        }
    }

    private static func jsonImages(in body: Data, for request: GenerationRequest) throws -> [GeneratedImage] {
        guard let json = try? JSONSerialization.jsonObject(with: body) else {
            throw FireworksError.unreadableAnswer(
                "the answer is not JSON (it starts with `\(ServerText.clean(BytePreview.describe(body)))`)"
            )
        }
        let artifacts: [Artifact]
        switch json {
        case let list as [[String: Any]]:
            artifacts = try list.map { try Artifact(fields: $0, seedFallback: request.seed) }
        case let object as [String: Any]:
            artifacts = try Artifact.workflow(object, seedFallback: request.seed)
        default:
            throw FireworksError.unreadableAnswer("the JSON answer is neither a list of images nor an object")
        }
        guard !artifacts.isEmpty else { throw FireworksError.unreadableAnswer("the answer holds no images") }
        return try artifacts.map { artifact in
            let (data, declared) = try decodeBase64(artifact.base64)
            let format = declared ?? ImageCodec.sniffFormat(data) ?? request.format
            return try inspected(data, as: format, seed: artifact.seed, finishReason: artifact.finishReason)
        }
    }

    /// One image of a JSON answer, before its base64 is decoded.
    private struct Artifact {
        var base64: String
        var finishReason: FinishReason
        var seed: Int

        /// SD endpoints: `{"base64": "...", "finishReason": "SUCCESS", "seed": 123}`.
        init(fields: [String: Any], seedFallback: Int) throws {
            guard let base64 = fields["base64"] as? String else {
                throw FireworksError.unreadableAnswer("an image in the answer has no base64 data")
            }
            self.base64 = base64
            finishReason = try FireworksAnswerDecoder.finishReason(fields["finishReason"] as? String)
            seed = FireworksAnswerDecoder.seed(fields["seed"]) ?? seedFallback
        }

        init(base64: String, finishReason: FinishReason, seed: Int) {
            self.base64 = base64
            self.finishReason = finishReason
            self.seed = seed
        }

        /// Workflow endpoints: `{"id": "...", "base64": ["...", ...], "finishReason": "SUCCESS", "seed": 123}`.
        static func workflow(_ object: [String: Any], seedFallback: Int) throws -> [Artifact] {
            let finishReason = try FireworksAnswerDecoder.finishReason(object["finishReason"] as? String)
            let seed = FireworksAnswerDecoder.seed(object["seed"]) ?? seedFallback
            let strings: [String]
            switch object["base64"] {
            case let list as [String]: strings = list
            case let single as String: strings = [single]
            default: throw FireworksError.unreadableAnswer("the answer has no base64 images")
            }
            return strings.map { Artifact(base64: $0, finishReason: finishReason, seed: seed) }
        }
    }

    /// Accepts plain base64 and `data:image/png;base64,...`; the data URL's type, when given, is the announced format.
    private static func decodeBase64(_ text: String) throws -> (Data, ImageFormat?) {
        var payload = Substring(text)
        var declared: ImageFormat?
        if payload.hasPrefix("data:"), let comma = payload.firstIndex(of: ",") {
            let mediaType = payload[payload.index(payload.startIndex, offsetBy: 5)..<comma]
                .split(separator: ";").first.map(String.init)
            declared = format(ofMediaType: mediaType?.lowercased())
            payload = payload[payload.index(after: comma)...]
        }
        guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else {
            throw FireworksError.unreadableAnswer("an image in the answer is not valid base64")
        }
        return (data, declared)
    }

    private static func inspected(_ data: Data, as format: ImageFormat, seed: Int, finishReason: FinishReason) throws -> GeneratedImage {
        do {
            let size = try ImageInspector.inspect(data, as: format, source: "the server")
            return GeneratedImage(data: data, format: format, size: size, seed: seed, finishReason: finishReason)
        } catch let error as ImageCodecError {
            throw FireworksError.invalidImage(error, finishReason: finishReason)
        }
    }

    /// Absent means SUCCESS, as the contract says.
    static func finishReason(_ value: String?) throws -> FinishReason {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return .success }
        guard let reason = FinishReason(rawValue: value.uppercased()) else {
            throw FireworksError.unreadableAnswer("the image finished with \"\(ServerText.clean(value))\"")
        }
        return reason
    }

    private static func seed(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let text as String: Int(text)
        case let number as NSNumber: number.intValue
        default: nil
        }
    }

    private static func format(ofMediaType mediaType: String?) -> ImageFormat? {
        switch mediaType {
        case "image/jpeg", "image/jpg": .jpeg
        case "image/png": .png
        default: nil
        }
    }
}
