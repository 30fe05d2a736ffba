import Foundation

/// A request ready to send: where, with which headers, and the body.
struct EncodedRequest: Sendable {
    struct Header: Sendable, Equatable {
        var name: String
        var value: String

        /// HTTP field values are visible ASCII, spaces and tabs; a line break would end the header early.
        var canBeSent: Bool {
            value.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || (0x21...0x7E).contains($0.value) }
        }
    }

    var url: String
    var headers: [Header]
    var body: Data
    /// The image sent with the request, for a 413's message.
    var upload: FireworksUpload?
    /// The API key inside the Authorization header: no failure's text may carry it.
    var secret: String
}

/// Turns a validated `GenerationRequest` into the HTTP request FIREWORKS_API.md describes.
enum FireworksRequestEncoder {
    static func encode(
        _ request: GenerationRequest, model: ModelCapabilities, configuration: FireworksConfiguration
    ) throws -> EncodedRequest {
        let url = try FireworksEndpoint.url(base: configuration.baseURL, model: model, mode: request.mode.kind)
        var headers = [
            EncodedRequest.Header(name: "Authorization", value: "Bearer \(configuration.apiKey)"),
            EncodedRequest.Header(name: "Accept", value: accept(for: request, model: model)),
            EncodedRequest.Header(name: "User-Agent", value: "sparkler/\(SparklerVersion.current)"),
        ]
        if request.format == .jpeg, let quality = request.jpegQuality {
            headers.append(EncodedRequest.Header(name: "Jpeg-Quality", value: String(quality)))
        }

        let contentType: String
        let body: Data
        var upload: FireworksUpload?
        switch (model.family, request.mode) {
        case (.flux, _):
            (contentType, body) = ("application/json", try workflowFields(request).jsonData())
        case (.stableDiffusion, .textToImage):
            (contentType, body) = ("application/json", try textToImageFields(request).jsonData())
        case (.stableDiffusion, .imageToImage(let initImage)):
            var form = MultipartFormData()
            add(imageToImageFields(request, initImage), to: &form)
            upload = addFile(initImage.image, name: "init_image", role: "init image", to: &form)
            (contentType, body) = (form.contentType, form.encoded())
        case (.stableDiffusion, .controlNet(let settings)):
            var form = MultipartFormData()
            add(controlNetFields(request, settings), to: &form)
            upload = addFile(settings.image, name: "control_image", role: "control image", to: &form)
            (contentType, body) = (form.contentType, form.encoded())
        }
        headers.append(EncodedRequest.Header(name: "Content-Type", value: contentType))
        return EncodedRequest(url: url, headers: headers, body: body, upload: upload, secret: configuration.apiKey)
    }

    /// Binary answers carry one image; several samples, and workflow answers, come as JSON.
    static func accept(for request: GenerationRequest, model: ModelCapabilities) -> String {
        model.family == .stableDiffusion && request.samples == 1 ? request.format.mimeType : "application/json"
    }

    private static func commonFields(_ request: GenerationRequest) -> FormFields {
        var fields = FormFields()
        fields.add("prompt", .text(request.prompt))
        fields.add("negative_prompt", text: request.negativePrompt)
        fields.add("cfg_scale", request.cfgScale.map(FormValue.number))
        fields.add("sampler", request.sampler.map { .text($0.rawValue) })
        fields.add("samples", .integer(request.samples))
        fields.add("steps", request.steps.map(FormValue.integer))
        fields.add("seed", .integer(request.seed))
        fields.add("safety_check", .flag(request.safetyCheck))
        fields.add("style_preset", text: request.stylePreset)
        fields.add("lora_adapter_name", text: request.loraAdapterName)
        fields.add("lora_weight_filename", text: request.loraWeightFilename)
        return fields
    }

    private static func textToImageFields(_ request: GenerationRequest) -> FormFields {
        var fields = commonFields(request)
        if case .size(let size) = request.shape {
            fields.add("height", .integer(size.height))
            fields.add("width", .integer(size.width))
        }
        return fields
    }

    /// The output takes the init image's size, so no height or width is sent.
    private static func imageToImageFields(_ request: GenerationRequest, _ initImage: InitImage) -> FormFields {
        var fields = commonFields(request)
        switch initImage.schedule {
        case .imageStrength(let strength):
            fields.add("init_image_mode", .text("IMAGE_STRENGTH"))
            fields.add("image_strength", .number(strength))
        case .stepSchedule(let start, let end):
            fields.add("init_image_mode", .text("STEP_SCHEDULE"))
            fields.add("step_schedule_start", .number(start))
            fields.add("step_schedule_end", .number(end))
        }
        fields.add("crop_padding", .flag(initImage.cropPadding))
        return fields
    }

    private static func controlNetFields(_ request: GenerationRequest, _ settings: ControlNetSettings) -> FormFields {
        var fields = commonFields(request)
        fields.add("control_net_name", .text(settings.netName))
        fields.add("conditioning_scale", .number(settings.conditioningScale))
        fields.add("step_schedule_start", .number(settings.stepScheduleStart))
        fields.add("step_schedule_end", .number(settings.stepScheduleEnd))
        fields.add("crop_padding", .flag(settings.cropPadding))
        return fields
    }

    private static func workflowFields(_ request: GenerationRequest) -> FormFields {
        var fields = FormFields()
        fields.add("prompt", .text(request.prompt))
        if case .aspectRatio(let ratio) = request.shape {
            fields.add("aspect_ratio", .text(ratio))
        }
        fields.add("guidance_scale", request.cfgScale.map(FormValue.number))
        fields.add("num_inference_steps", request.steps.map(FormValue.integer))
        fields.add("seed", .integer(request.seed))
        return fields
    }

    private static func add(_ fields: FormFields, to form: inout MultipartFormData) {
        for entry in fields.entries {
            form.addField(name: entry.name, value: entry.value.formText)
        }
    }

    private static func addFile(
        _ image: InputImage, name: String, role: String, to form: inout MultipartFormData
    ) -> FireworksUpload {
        let lastComponent = URL(fileURLWithPath: image.fileName).lastPathComponent
        let fileName = lastComponent.isEmpty || lastComponent == "/" ? "image" : lastComponent
        let contentType = ImageCodec.sniffFormat(image.data)?.mimeType ?? "application/octet-stream"
        form.addFile(name: name, fileName: fileName, contentType: contentType, data: image.data)
        return FireworksUpload(role: role, fileName: fileName, byteCount: image.data.count)
    }
}
