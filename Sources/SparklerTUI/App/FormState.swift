import Foundation
import SparklerCore

/// Everything in the form: the prompt, the negative prompt and every parameter. It is saved
/// between sessions, so it holds plain values that survive a change of model.
public struct FormState: Sendable, Equatable, Codable {
    public enum InitMode: String, Sendable, Codable, CaseIterable {
        case strength = "strength"
        case schedule = "schedule"
    }

    public var prompt = TextInput()
    public var negative = TextInput()
    public var model: String = ModelCatalogue.defaultModelID
    public var mode: GenerationModeKind = .textToImage
    public var size: ImageSize?
    public var aspectRatio: String?
    public var cfg: Double?
    public var steps: Int?
    public var sampler: Sampler?
    public var seed = 0
    /// Locked: every run uses `seed`. Unlocked: each run asks for a random seed, and `seed` shows the last one used.
    public var seedLocked = false
    public var format: ImageFormat = .jpeg
    public var safetyCheck = false
    public var initImage = TextInput()
    public var initMode: InitMode = .strength
    public var strength = 0.5
    public var scheduleStart = 0.65
    public var scheduleEnd = 1.0
    public var controlImage = TextInput()
    public var controlNet = TextInput("canny")
    public var conditioningScale = 0.5

    public init() {}

    /// The rows the parameter panel shows for this model and mode.
    public func fields(for model: ModelCapabilities) -> [ParameterField] {
        var fields: [ParameterField] = [.model]
        if model.modes.count > 1 { fields.append(.mode) }
        fields += [.size, .cfg, .steps]
        if !model.samplers.isEmpty { fields.append(.sampler) }
        fields += [.seed, .format, .safety]
        switch mode {
        case .textToImage: break
        case .imageToImage:
            fields += [.initImage, .initMode]
            fields += initMode == .strength ? [.strength] : [.scheduleStart, .scheduleEnd]
        case .controlNet:
            fields += [.controlImage, .controlNet, .conditioningScale]
        }
        return fields
    }

    /// Makes the values fit a (new) model: a size it offers, values inside its ranges.
    public mutating func adapt(to model: ModelCapabilities) {
        self.model = model.id.path
        if !model.modes.contains(mode) { mode = .textToImage }
        switch model.defaultShape {
        case .size(let fallback):
            if let size, !model.sizes.contains(size) { self.size = fallback }
            if size == nil { size = fallback }
        case .aspectRatio(let fallback):
            if let aspectRatio, !model.aspectRatios.contains(aspectRatio) { self.aspectRatio = fallback }
            if aspectRatio == nil { aspectRatio = fallback }
        }
        cfg = cfg.map { min(max($0, model.guidance.lowerBound), model.guidance.upperBound) } ?? model.guidance.defaultValue
        steps = steps.map { min(max($0, model.steps.lowerBound), model.steps.upperBound) } ?? model.steps.defaultValue
        if let sampler, !model.samplers.contains(sampler) { self.sampler = model.defaultSampler }
    }

    /// The request the form describes. Input images carry only their path here (`fileName`);
    /// the effect that runs the request reads the file.
    public func request(for model: ModelCapabilities) -> GenerationRequest {
        GenerationRequest(
            model: model.id.path,
            prompt: prompt.text,
            negativePrompt: negative.text.isEmpty || !model.acceptsNegativePrompt ? nil : negative.text,
            shape: model.family == .flux ? aspectRatio.map(ImageShape.aspectRatio) : size.map(ImageShape.size),
            cfgScale: cfg,
            steps: steps,
            seed: seedLocked ? seed : 0,
            sampler: model.samplers.isEmpty ? nil : sampler,
            format: format,
            safetyCheck: safetyCheck,
            mode: generationMode
        )
    }

    private var generationMode: GenerationMode {
        switch mode {
        case .textToImage:
            return .textToImage
        case .imageToImage:
            let schedule: InitImageSchedule = initMode == .strength
                ? .imageStrength(strength)
                : .stepSchedule(start: scheduleStart, end: scheduleEnd)
            return .imageToImage(InitImage(image: InputImage(data: Data(), fileName: initImage.text), schedule: schedule))
        case .controlNet:
            return .controlNet(ControlNetSettings(
                image: InputImage(data: Data(), fileName: controlImage.text),
                netName: controlNet.text, conditioningScale: conditioningScale
            ))
        }
    }

    /// Fills the form from a history entry's request (`e` in the history pane).
    public mutating func load(_ request: GenerationRequest, model: ModelCapabilities) {
        prompt.replace(with: request.prompt)
        negative.replace(with: request.negativePrompt ?? "")
        mode = request.mode.kind
        switch request.shape {
        case .size(let value): size = value
        case .aspectRatio(let value): aspectRatio = value
        case nil: break
        }
        cfg = request.cfgScale
        steps = request.steps
        sampler = request.sampler
        if request.seed != 0 {
            seed = request.seed
            seedLocked = true
        }
        format = request.format
        safetyCheck = request.safetyCheck
        switch request.mode {
        case .textToImage: break
        case .imageToImage(let initial):
            initImage.replace(with: initial.image.fileName)
            switch initial.schedule {
            case .imageStrength(let value):
                initMode = .strength
                strength = value
            case .stepSchedule(let start, let end):
                initMode = .schedule
                scheduleStart = start
                scheduleEnd = end
            }
        case .controlNet(let settings):
            controlImage.replace(with: settings.image.fileName)
            controlNet.replace(with: settings.netName)
            conditioningScale = settings.conditioningScale
        }
        adapt(to: model)
    }
}

extension TextInput: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
