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

    /// `POST`, or `GET` for a picture's signed URL.
    var method = "POST"
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
        case (.kontext, _):
            (contentType, body) = ("application/json", try kontextFields(request).jsonData())
        case (.stableDiffusion, .textToImage):
            (contentType, body) = ("application/json", try textToImageFields(request).jsonData())
        case (.stableDiffusion, .imageToImage(let initImage)):
            var form = MultipartFormData()
            add(imageToImageFields(request, initImage), to: &form)
            upload = addFile(initImage.image, as: .initImage, to: &form)
            (contentType, body) = (form.contentType, form.encoded())
        case (.stableDiffusion, .controlNet(let settings)):
            var form = MultipartFormData()
            add(controlNetFields(request, settings), to: &form)
            upload = addFile(settings.image, as: .controlImage, to: &form)
            (contentType, body) = (form.contentType, form.encoded())
        case (.stableDiffusion, .edit):
            preconditionFailure("the validator refuses edits for \(model.id.name), whose modes lack them")
        }
        headers.append(EncodedRequest.Header(name: "Content-Type", value: contentType))
        return EncodedRequest(url: url, headers: headers, body: body, upload: upload, secret: configuration.apiKey)
    }

    /// One picture comes as its bytes, in the format it will be written in (FLUX workflow routes too, so it is
    /// never re-encoded); several samples come as JSON, and Kontext answers every call with JSON.
    static func accept(for request: GenerationRequest, model: ModelCapabilities) -> String {
        request.samples == 1 && model.family != .kontext ? request.format.mimeType : "application/json"
    }

    private static func commonFields(_ request: GenerationRequest) -> FormFields {
        var fields = FormFields(family: .stableDiffusion)
        fields.add(.prompt, .text(request.prompt))
        fields.add(.negativePrompt, text: request.negativePrompt)
        fields.add(.guidance, request.cfgScale.map(ParameterValue.number))
        fields.add(.sampler, request.sampler.map { .text($0.rawValue) })
        fields.add(.samples, .integer(request.samples))
        fields.add(.steps, request.steps.map(ParameterValue.integer))
        fields.add(.seed, .integer(request.seed))
        fields.add(.safetyCheck, .flag(request.safetyCheck))
        fields.add(.stylePreset, text: request.stylePreset)
        fields.add(.loraAdapterName, text: request.loraAdapterName)
        fields.add(.loraWeightFilename, text: request.loraWeightFilename)
        fields.add(request.options)
        return fields
    }

    /// Every SD route takes the output size: for ControlNet it is what sets it, and the official client sends
    /// it for image to image too (the validator picks the input picture's size when the user named none).
    private static func sizedFields(_ request: GenerationRequest) -> FormFields {
        var fields = commonFields(request)
        if case .size(let size) = request.shape {
            fields.add(size)
        }
        return fields
    }

    private static func textToImageFields(_ request: GenerationRequest) -> FormFields {
        sizedFields(request)
    }

    private static func imageToImageFields(_ request: GenerationRequest, _ initImage: InitImage) -> FormFields {
        var fields = sizedFields(request)
        switch initImage.schedule {
        case .imageStrength(let strength):
            fields.add(.initImageMode, .text(InitImageSchedule.Kind.imageStrength.rawValue))
            fields.add(.imageStrength, .number(strength))
        case .stepSchedule(let start, let end):
            fields.add(.initImageMode, .text(InitImageSchedule.Kind.stepSchedule.rawValue))
            fields.add(.scheduleStart, .number(start))
            fields.add(.scheduleEnd, .number(end))
        }
        fields.add(.cropPadding, .flag(initImage.cropPadding))
        return fields
    }

    private static func controlNetFields(_ request: GenerationRequest, _ settings: ControlNetSettings) -> FormFields {
        var fields = sizedFields(request)
        fields.add(.controlNet, .text(settings.netName))
        fields.add(.conditioningScale, .number(settings.conditioningScale))
        fields.add(.scheduleStart, .number(settings.stepScheduleStart))
        fields.add(.scheduleEnd, .number(settings.stepScheduleEnd))
        fields.add(.cropPadding, .flag(settings.cropPadding))
        return fields
    }

    private static func workflowFields(_ request: GenerationRequest) -> FormFields {
        var fields = FormFields(family: .flux)
        fields.add(.prompt, .text(request.prompt))
        if case .aspectRatio(let ratio) = request.shape {
            fields.add(.aspectRatio, .text(ratio))
        }
        fields.add(.guidance, request.cfgScale.map(ParameterValue.number))
        fields.add(.steps, request.steps.map(ParameterValue.integer))
        fields.add(.seed, .integer(request.seed))
        fields.add(request.options)
        return fields
    }

    /// Kontext's submission: the picture to edit travels inline as base64, the format as `output_format`.
    private static func kontextFields(_ request: GenerationRequest) -> FormFields {
        var fields = FormFields(family: .kontext)
        fields.add(.prompt, .text(request.prompt))
        if case .edit(let picture) = request.mode {
            fields.add(.editImage, .text(picture.data.base64EncodedString()))
        }
        if case .aspectRatio(let ratio) = request.shape {
            fields.add(.aspectRatio, .text(ratio))
        }
        fields.add(.seed, .integer(request.seed))
        fields.add(.format, .text(request.format.rawValue))
        fields.add(request.options)
        return fields
    }

    private static func add(_ fields: FormFields, to form: inout MultipartFormData) {
        for entry in fields.entries {
            form.addField(name: entry.name, value: entry.value.formText)
        }
    }

    private static func addFile(_ image: InputImage, as part: RequestParameter, to form: inout MultipartFormData) -> FireworksUpload {
        let name = part.wireName(for: .stableDiffusion) ?? part.rawValue
        let role = part.name(for: .stableDiffusion)
        let lastComponent = URL(fileURLWithPath: image.fileName).lastPathComponent
        let fileName = lastComponent.isEmpty || lastComponent == "/" ? "image" : lastComponent
        let contentType = ImageCodec.sniffFormat(image.data)?.mimeType ?? "application/octet-stream"
        form.addFile(name: name, fileName: fileName, contentType: contentType, data: image.data)
        return FireworksUpload(role: role, fileName: fileName, byteCount: image.data.count)
    }
}
