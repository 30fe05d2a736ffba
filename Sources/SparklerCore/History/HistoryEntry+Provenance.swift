import Foundation

extension HistoryEntry {
    /// What to embed in this entry's picture; `imageSize` nil for a row without one (a failure).
    func provenance(imageSize: ImageSize?, appVersion: String) -> ImageProvenance {
        var provenance = ImageProvenance(
            prompt: request.prompt, negativePrompt: request.negativePrompt, model: request.model, backend: backend,
            mode: request.mode.kind, size: imageSize, cfgScale: request.cfgScale, steps: request.steps,
            sampler: request.sampler, seed: seed ?? request.seed, format: request.format,
            jpegQuality: request.jpegQuality, safetyCheck: request.safetyCheck, stylePreset: request.stylePreset,
            loraAdapterName: request.loraAdapterName, loraWeightFilename: request.loraWeightFilename,
            inputImageHash: inputImageHash, inputImageFormat: inputImageFormat,
            createdAt: createdAt, appVersion: appVersion
        )
        if case .aspectRatio(let ratio) = request.shape {
            provenance.aspectRatio = ratio
        }
        switch request.mode {
        case .textToImage:
            break
        case .imageToImage(let initImage):
            provenance.initImageMode = initImage.schedule.kind
            switch initImage.schedule {
            case .imageStrength(let strength):
                provenance.imageStrength = strength
            case .stepSchedule(let start, let end):
                provenance.scheduleStart = start
                provenance.scheduleEnd = end
            }
            provenance.cropPadding = initImage.cropPadding
        case .controlNet(let settings):
            provenance.controlNetName = settings.netName
            provenance.conditioningScale = settings.conditioningScale
            provenance.scheduleStart = settings.stepScheduleStart
            provenance.scheduleEnd = settings.stepScheduleEnd
            provenance.cropPadding = settings.cropPadding
        }
        return provenance
    }

    /// A successful row for an imported picture: its seed becomes the requested seed, so that running
    /// it again makes the same picture. Throws when the provenance lacks a value its mode needs.
    init(provenance: ImageProvenance, groupID: String) throws(HistoryError) {
        let request = GenerationRequest(
            model: provenance.model, prompt: provenance.prompt, negativePrompt: provenance.negativePrompt,
            shape: provenance.aspectRatio.map(ImageShape.aspectRatio) ?? provenance.size.map(ImageShape.size),
            cfgScale: provenance.cfgScale, steps: provenance.steps, seed: provenance.seed, sampler: provenance.sampler,
            format: provenance.format, jpegQuality: provenance.jpegQuality, safetyCheck: provenance.safetyCheck ?? false,
            stylePreset: provenance.stylePreset, loraAdapterName: provenance.loraAdapterName,
            loraWeightFilename: provenance.loraWeightFilename, mode: try Self.mode(of: provenance)
        )
        self.init(request: request, backend: provenance.backend, groupID: groupID, createdAt: provenance.createdAt, outcome: .success)
        seed = provenance.seed
        imageWidth = provenance.size?.width
        imageHeight = provenance.size?.height
    }

    private static func mode(of provenance: ImageProvenance) throws(HistoryError) -> GenerationMode {
        // The provenance names the input image by its hash in the history that made the picture.
        let image = InputImage(
            data: Data(), fileName: provenance.inputImageHash.map { "\($0).\(provenance.inputImageFormat ?? "bin")" } ?? "input image")
        switch provenance.mode {
        case .textToImage:
            return .textToImage
        case .imageToImage:
            let schedule: InitImageSchedule
            switch provenance.initImageMode {
            case .imageStrength:
                guard let strength = provenance.imageStrength else { throw .incompleteEntry(entryID: nil, field: "image strength") }
                schedule = .imageStrength(strength)
            case .stepSchedule:
                guard let start = provenance.scheduleStart, let end = provenance.scheduleEnd else {
                    throw .incompleteEntry(entryID: nil, field: "step schedule")
                }
                schedule = .stepSchedule(start: start, end: end)
            case nil:
                throw .incompleteEntry(entryID: nil, field: "init image mode")
            }
            return .imageToImage(InitImage(image: image, schedule: schedule, cropPadding: provenance.cropPadding ?? true))
        case .controlNet:
            guard let netName = provenance.controlNetName else { throw .incompleteEntry(entryID: nil, field: "control net name") }
            let defaults = ControlNetSettings(image: image, netName: netName)
            return .controlNet(ControlNetSettings(
                image: image, netName: netName,
                conditioningScale: provenance.conditioningScale ?? defaults.conditioningScale,
                stepScheduleStart: provenance.scheduleStart ?? defaults.stepScheduleStart,
                stepScheduleEnd: provenance.scheduleEnd ?? defaults.stepScheduleEnd,
                cropPadding: provenance.cropPadding ?? defaults.cropPadding
            ))
        }
    }
}
