import Foundation

/// The provenance Sparkler embedded before version 2: one key per parameter. Read, never written, so that
/// pictures made then still import and run again.
struct ImageProvenanceVersion1: Decodable {
    var prompt: String
    var negativePrompt: String?
    var model: String
    var backend: String
    var mode: GenerationModeKind
    var size: ImageSize?
    var aspectRatio: String?
    var cfgScale: Double?
    var steps: Int?
    var sampler: Sampler?
    var seed: Int
    var format: ImageFormat
    var jpegQuality: Int?
    var safetyCheck: Bool?
    var stylePreset: String?
    var loraAdapterName: String?
    var loraWeightFilename: String?
    var initImageMode: InitImageSchedule.Kind?
    var imageStrength: Double?
    var scheduleStart: Double?
    var scheduleEnd: Double?
    var cropPadding: Bool?
    var controlNetName: String?
    var conditioningScale: Double?
    var inputImageHash: String?
    var inputImageFormat: String?
    var createdAt: Date
    var appVersion: String

    /// The same record as version 2 states it: the request asked for this picture's seed, one sample.
    func upgraded() throws -> ImageProvenance {
        let request = GenerationRequest(
            model: model, prompt: prompt, negativePrompt: negativePrompt,
            shape: aspectRatio.map(ImageShape.aspectRatio) ?? size.map(ImageShape.size),
            cfgScale: cfgScale, steps: steps, seed: seed, sampler: sampler, format: format, jpegQuality: jpegQuality,
            safetyCheck: safetyCheck ?? false, stylePreset: stylePreset, loraAdapterName: loraAdapterName,
            loraWeightFilename: loraWeightFilename, mode: try generationMode()
        )
        return ImageProvenance(
            request: request, backend: backend, seed: seed, size: size, inputImageHash: inputImageHash,
            inputImageFormat: inputImageFormat, createdAt: createdAt, appVersion: appVersion
        )
    }

    private func generationMode() throws -> GenerationMode {
        // Version 1 named the input image only by its hash in the history that made the picture.
        let image = InputImage(data: Data(), fileName: inputImageHash.map { "\($0).\(inputImageFormat ?? "bin")" } ?? "input image")
        switch mode {
        case .textToImage:
            return .textToImage
        case .imageToImage:
            let schedule: InitImageSchedule
            switch initImageMode {
            case .imageStrength:
                guard let imageStrength else { throw Self.missing("image strength") }
                schedule = .imageStrength(imageStrength)
            case .stepSchedule:
                guard let scheduleStart, let scheduleEnd else { throw Self.missing("step schedule") }
                schedule = .stepSchedule(start: scheduleStart, end: scheduleEnd)
            case nil:
                throw Self.missing("init image mode")
            }
            return .imageToImage(InitImage(image: image, schedule: schedule, cropPadding: cropPadding ?? true))
        case .controlNet:
            guard let controlNetName else { throw Self.missing("control net name") }
            let defaults = ControlNetSettings(image: image, netName: controlNetName)
            return .controlNet(ControlNetSettings(
                image: image, netName: controlNetName,
                conditioningScale: conditioningScale ?? defaults.conditioningScale,
                stepScheduleStart: scheduleStart ?? defaults.stepScheduleStart,
                stepScheduleEnd: scheduleEnd ?? defaults.stepScheduleEnd,
                cropPadding: cropPadding ?? defaults.cropPadding
            ))
        case .edit:
            return .edit(image)
        }
    }

    private static func missing(_ field: String) -> ImageMetadataError {
        .unreadableProvenance(reason: "its \(field) is missing")
    }
}
