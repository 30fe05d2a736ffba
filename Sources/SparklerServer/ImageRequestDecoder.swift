import Foundation
import SparklerCore

/// Reads a route's fields into the `GenerationRequest` they describe, ready for `RequestValidator`.
/// Fields the engine has no use for (`style_preset`, `lora_*`, `safety_check`) are kept, so history
/// shows what was asked; fields Sparkler does not know are ignored, as the official client sends extras.
enum ImageRequestDecoder {
    static func textToImage(_ fields: RequestFields, model: ModelCapabilities) throws -> GenerationRequest {
        var request = try stableDiffusion(fields, model: model)
        request.shape = try size(in: fields, model: model)
        return request
    }

    /// The picture takes the init image's size when the model offers it, as on Fireworks, else the model's default.
    static func imageToImage(_ form: MultipartParser.Parsed, model: ModelCapabilities, limit: UploadLimit) throws -> GenerationRequest {
        guard let file = form.files[RequestParameter.initImage.wireName(for: .stableDiffusion) ?? ""] else {
            throw ServerError.badRequest("image_to_image needs the init image as the multipart file part init_image.")
        }
        let initSize = try limit.admit(file.data, part: "init_image")
        let fields = RequestFields(form: form.fields)
        var request = try stableDiffusion(fields, model: model)
        request.shape = try size(in: fields, model: model) ?? (model.sizes.contains(initSize) ? .size(initSize) : nil)
        request.mode = .imageToImage(InitImage(
            image: InputImage(data: file.data, fileName: file.fileName ?? "init_image"),
            schedule: try initSchedule(fields),
            cropPadding: try fields.flag(.cropPadding, of: .stableDiffusion) ?? true
        ))
        return request
    }

    static func workflow(_ fields: RequestFields, model: ModelCapabilities) throws -> GenerationRequest {
        GenerationRequest(
            model: model.id.path,
            prompt: try fields.string(.prompt, of: .flux) ?? "",
            shape: try fields.string(.aspectRatio, of: .flux).map(ImageShape.aspectRatio),
            cfgScale: try fields.number(.guidance, of: .flux),
            steps: try fields.integer(.steps, of: .flux),
            seed: try fields.integer(.seed, of: .flux) ?? 0,
            options: try fields.options(of: .flux)
        )
    }

    /// Kontext's submission: the picture to edit arrives inline as base64 (a URL cannot be fetched offline).
    static func kontext(_ fields: RequestFields, model: ModelCapabilities, limit: UploadLimit) throws -> GenerationRequest {
        let family = ModelFamily.kontext
        var request = GenerationRequest(
            model: model.id.path,
            prompt: try fields.string(.prompt, of: family) ?? "",
            shape: try fields.string(.aspectRatio, of: family).map(ImageShape.aspectRatio),
            seed: try fields.integer(.seed, of: family) ?? 0,
            options: try fields.options(of: family)
        )
        if let format = try fields.string(.format, of: family) {
            guard let parsed = ImageFormat(rawValue: format) else {
                throw ServerError.badRequest("output_format must be jpeg or png, not \"\(format)\".")
            }
            request.format = parsed
        }
        if let encoded = try fields.string(.editImage, of: family) {
            if encoded.hasPrefix("http://") || encoded.hasPrefix("https://") {
                throw ServerError.badRequest("input_image as a URL cannot be fetched by this offline server: send the picture as base64.")
            }
            let base64 = encoded.range(of: ";base64,").map { String(encoded[$0.upperBound...]) } ?? encoded
            guard let data = Data(base64Encoded: base64) else {
                throw ServerError.badRequest("input_image is neither base64 nor a URL.")
            }
            _ = try limit.admit(data, part: "input_image")
            request.mode = .edit(InputImage(data: data, fileName: "input_image"))
        }
        return request
    }

    private static func stableDiffusion(_ fields: RequestFields, model: ModelCapabilities) throws -> GenerationRequest {
        let family = ModelFamily.stableDiffusion
        return GenerationRequest(
            model: model.id.path,
            prompt: try fields.string(.prompt, of: family) ?? "",
            negativePrompt: try fields.string(.negativePrompt, of: family),
            cfgScale: try fields.number(.guidance, of: family),
            steps: try fields.integer(.steps, of: family),
            seed: try fields.integer(.seed, of: family) ?? 0,
            sampler: try sampler(in: fields, model: model),
            samples: try fields.integer(.samples, of: family) ?? 1,
            safetyCheck: try fields.flag(.safetyCheck, of: family) ?? false,
            stylePreset: try fields.string(.stylePreset, of: family),
            loraAdapterName: try fields.string(.loraAdapterName, of: family),
            loraWeightFilename: try fields.string(.loraWeightFilename, of: family),
            options: try fields.options(of: family)
        )
    }

    private static func size(in fields: RequestFields, model: ModelCapabilities) throws -> ImageShape? {
        switch (try fields.integer("width"), try fields.integer("height")) {
        case (let width?, let height?):
            return .size(ImageSize(width: width, height: height))
        case (nil, nil):
            return nil
        default:
            throw ServerError.badRequest(
                "Send height and width together, or neither for \(model.id.name)'s default size."
            )
        }
    }

    private static func sampler(in fields: RequestFields, model: ModelCapabilities) throws -> Sampler? {
        guard let name = try fields.string(.sampler, of: .stableDiffusion) else { return nil }
        guard let sampler = Sampler(userValue: name) else {
            throw ServerError.parameter(
                ParameterError(.sampler, family: model.family, value: name,
                               allowed: "one of " + model.samplers.map(\.rawValue).joined(separator: ", ")),
                family: model.family
            )
        }
        return sampler
    }

    private static func initSchedule(_ fields: RequestFields) throws -> InitImageSchedule {
        switch try fields.string("init_image_mode")?.uppercased() ?? "IMAGE_STRENGTH" {
        case "IMAGE_STRENGTH":
            guard let strength = try fields.number("image_strength") else {
                throw ServerError.badRequest("image_strength is required with init_image_mode IMAGE_STRENGTH.")
            }
            return .imageStrength(strength)
        case "STEP_SCHEDULE":
            guard let start = try fields.number("step_schedule_start"), let end = try fields.number("step_schedule_end") else {
                throw ServerError.badRequest("step_schedule_start and step_schedule_end are both required with init_image_mode STEP_SCHEDULE.")
            }
            return .stepSchedule(start: start, end: end)
        case let other:
            throw ServerError.badRequest("init_image_mode \(other) is not allowed: IMAGE_STRENGTH or STEP_SCHEDULE.")
        }
    }
}
