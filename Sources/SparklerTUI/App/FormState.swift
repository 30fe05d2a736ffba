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
    /// The picture an edit (FLUX Kontext) starts from.
    public var editImage = TextInput()
    /// Values of the options only some models take; a model that does not take one ignores it.
    public var options = ModelOptions()
    /// The history entry whose picture the input image is, when the edit started from one (F7, `i`): the
    /// picture made is recorded as its edit. Not saved: a path typed by hand is no entry's.
    public var editsEntry: Int64?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case prompt, negative, model, mode, size, aspectRatio, cfg, steps, sampler, seed, seedLocked, format, safetyCheck
        case initImage, initMode, strength, scheduleStart, scheduleEnd, controlImage, controlNet, conditioningScale
        case editImage, options
    }

    /// A saved form from any earlier version reads: a value it lacks keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        self.init()
        prompt = try value(.prompt, prompt)
        negative = try value(.negative, negative)
        model = try value(.model, model)
        mode = try value(.mode, mode)
        size = try container.decodeIfPresent(ImageSize.self, forKey: .size)
        aspectRatio = try container.decodeIfPresent(String.self, forKey: .aspectRatio)
        cfg = try container.decodeIfPresent(Double.self, forKey: .cfg)
        steps = try container.decodeIfPresent(Int.self, forKey: .steps)
        sampler = try container.decodeIfPresent(Sampler.self, forKey: .sampler)
        seed = try value(.seed, seed)
        seedLocked = try value(.seedLocked, seedLocked)
        format = try value(.format, format)
        safetyCheck = try value(.safetyCheck, safetyCheck)
        initImage = try value(.initImage, initImage)
        initMode = try value(.initMode, initMode)
        strength = try value(.strength, strength)
        scheduleStart = try value(.scheduleStart, scheduleStart)
        scheduleEnd = try value(.scheduleEnd, scheduleEnd)
        controlImage = try value(.controlImage, controlImage)
        controlNet = try value(.controlNet, controlNet)
        conditioningScale = try value(.conditioningScale, conditioningScale)
        editImage = try value(.editImage, editImage)
        options = try value(.options, options)
    }

    /// The rows the parameter panel shows for this model and mode: only what the model takes.
    public func fields(for model: ModelCapabilities) -> [ParameterField] {
        var fields: [ParameterField] = [.model]
        if model.modes.count > 1 { fields.append(.mode) }
        fields.append(.size)
        if model.takes(.guidance) { fields.append(.cfg) }
        if model.takes(.steps) { fields.append(.steps) }
        if !model.samplers.isEmpty { fields.append(.sampler) }
        fields += [.seed, .format]
        if model.takes(.safetyCheck) { fields.append(.safety) }
        fields += RequestParameter.options.filter(model.takes).map(ParameterField.option)
        switch mode {
        case .textToImage: break
        case .edit: fields.append(.editImage)
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
            shape: model.takesAspectRatio ? aspectRatio.map(ImageShape.aspectRatio) : size.map(ImageShape.size),
            cfgScale: model.takes(.guidance) ? cfg : nil,
            steps: model.takes(.steps) ? steps : nil,
            seed: seedLocked ? seed : 0,
            sampler: model.samplers.isEmpty ? nil : sampler,
            format: format,
            safetyCheck: safetyCheck,
            mode: generationMode,
            options: options.filter(model.takes)
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
        case .edit:
            return .edit(InputImage(data: Data(), fileName: editImage.text))
        }
    }

    /// Fills the form from a history entry's request (`e` in the history pane).
    /// A prompt longer than a request takes (one stored before the limit) is cut to it: the form never holds
    /// megabytes of text.
    public mutating func load(_ request: GenerationRequest, model: ModelCapabilities) {
        prompt.replace(with: Self.bounded(request.prompt))
        negative.replace(with: Self.bounded(request.negativePrompt ?? ""))
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
        for (parameter, value) in request.options.entries {
            options[parameter] = value
        }
        switch request.mode {
        case .textToImage: break
        case .edit(let picture):
            editImage.replace(with: picture.fileName)
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

extension FormState {
    static func bounded(_ text: String) -> String {
        text.utf8.count > RequestValidator.maxPromptCharacters ? String(text.prefix(RequestValidator.maxPromptCharacters)) : text
    }
}
