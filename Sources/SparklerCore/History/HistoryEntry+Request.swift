import Foundation

extension HistoryEntry {
    /// A row for a validated request, before its outcome adds a picture, a seed or an error.
    init(
        request: GenerationRequest, backend: String, groupID: String, createdAt: Date,
        outcome: Outcome, inputImage: StoredImageFile?
    ) {
        self.init(
            createdAt: Self.timestamp(createdAt), groupID: groupID, backend: backend, model: request.model,
            mode: request.mode.kind, prompt: request.prompt, negativePrompt: request.negativePrompt,
            requestedSeed: request.seed, samples: request.samples, format: request.format,
            jpegQuality: request.jpegQuality, safetyCheck: request.safetyCheck, outcome: outcome
        )
        cfgScale = request.cfgScale
        steps = request.steps
        sampler = request.sampler
        stylePreset = request.stylePreset
        loraAdapterName = request.loraAdapterName
        loraWeightFilename = request.loraWeightFilename
        switch request.shape {
        case .size(let size):
            width = size.width
            height = size.height
        case .aspectRatio(let ratio):
            aspectRatio = ratio
        case nil:
            break
        }
        switch request.mode {
        case .textToImage:
            break
        case .imageToImage(let initImage):
            initImageMode = initImage.schedule.kind
            switch initImage.schedule {
            case .imageStrength(let strength):
                imageStrength = strength
            case .stepSchedule(let start, let end):
                scheduleStart = start
                scheduleEnd = end
            }
            cropPadding = initImage.cropPadding
            inputImageName = initImage.image.fileName
        case .controlNet(let settings):
            controlNetName = settings.netName
            conditioningScale = settings.conditioningScale
            scheduleStart = settings.stepScheduleStart
            scheduleEnd = settings.stepScheduleEnd
            cropPadding = settings.cropPadding
            inputImageName = settings.image.fileName
        }
        inputImageHash = inputImage?.hash
        inputImageFormat = inputImage?.fileExtension
    }

    /// The request that made this entry, to run again or to load into a form.
    ///
    /// - Parameter reusingSeed: true asks for this very picture again (the seed it was made with, one
    ///   sample); false repeats the request as it was asked (its seed, 0 for random, and its samples).
    func request(inputImage: InputImage?, reusingSeed: Bool) throws -> GenerationRequest {
        let madeSeed = reusingSeed ? seed : nil
        return GenerationRequest(
            model: model, prompt: prompt, negativePrompt: negativePrompt, shape: requestedShape,
            cfgScale: cfgScale, steps: steps, seed: madeSeed ?? requestedSeed, sampler: sampler,
            samples: madeSeed == nil ? samples : 1, format: format, jpegQuality: jpegQuality,
            safetyCheck: safetyCheck, stylePreset: stylePreset, loraAdapterName: loraAdapterName,
            loraWeightFilename: loraWeightFilename, mode: try generationMode(inputImage: inputImage)
        )
    }

    private func generationMode(inputImage: InputImage?) throws -> GenerationMode {
        switch mode {
        case .textToImage:
            return .textToImage
        case .imageToImage:
            guard let inputImage else { throw HistoryError.missingInputImage(entryID: id) }
            return .imageToImage(InitImage(image: inputImage, schedule: try initImageSchedule(), cropPadding: cropPadding ?? true))
        case .controlNet:
            guard let inputImage else { throw HistoryError.missingInputImage(entryID: id) }
            guard let controlNetName else { throw HistoryError.incompleteEntry(entryID: id, field: "control net name") }
            let defaults = ControlNetSettings(image: inputImage, netName: controlNetName)
            return .controlNet(ControlNetSettings(
                image: inputImage, netName: controlNetName,
                conditioningScale: conditioningScale ?? defaults.conditioningScale,
                stepScheduleStart: scheduleStart ?? defaults.stepScheduleStart,
                stepScheduleEnd: scheduleEnd ?? defaults.stepScheduleEnd,
                cropPadding: cropPadding ?? defaults.cropPadding
            ))
        }
    }

    private func initImageSchedule() throws -> InitImageSchedule {
        switch initImageMode {
        case .imageStrength:
            guard let imageStrength else { throw HistoryError.incompleteEntry(entryID: id, field: "image strength") }
            return .imageStrength(imageStrength)
        case .stepSchedule:
            guard let scheduleStart, let scheduleEnd else {
                throw HistoryError.incompleteEntry(entryID: id, field: "step schedule")
            }
            return .stepSchedule(start: scheduleStart, end: scheduleEnd)
        case nil:
            throw HistoryError.incompleteEntry(entryID: id, field: "init image mode")
        }
    }
}
