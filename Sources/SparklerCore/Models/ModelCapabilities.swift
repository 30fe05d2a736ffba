/// Which of Fireworks' request shapes a model speaks.
public enum ModelFamily: String, Sendable, Codable {
    /// `image_generation` endpoints: pixel sizes, samplers, cfg_scale, negative prompts, init and control images.
    case stableDiffusion = "sd"
    /// `workflows/.../text_to_image`: aspect ratio, guidance_scale and num_inference_steps only.
    case flux
    /// FLUX.1 Kontext's asynchronous workflow: submit, poll `get_result`, download the picture; makes a
    /// picture from text or edits one by instruction.
    case kontext

    /// The modes the family's API offers; a model may offer fewer.
    public var modes: [GenerationModeKind] {
        switch self {
        case .stableDiffusion: [.textToImage, .imageToImage, .controlNet]
        case .flux: [.textToImage]
        case .kontext: [.textToImage, .edit]
        }
    }
}

/// An inclusive range with the model's default, for one numeric parameter.
public struct ParameterRange<Value: Comparable & Sendable>: Sendable, Equatable where Value: Equatable {
    public var lowerBound: Value
    public var upperBound: Value
    public var defaultValue: Value

    public init(_ range: ClosedRange<Value>, default defaultValue: Value) {
        self.lowerBound = range.lowerBound
        self.upperBound = range.upperBound
        self.defaultValue = defaultValue
    }

    public func contains(_ value: Value) -> Bool { value >= lowerBound && value <= upperBound }
}

/// Where a model runs.
public enum ModelProvider: String, Sendable, Codable {
    /// Fireworks' serverless API: needs a key and a network.
    case fireworks
    /// The offline engine, in-process.
    case local
}

/// What one model accepts: the front ends build their forms from this, and validation checks against it.
public struct ModelCapabilities: Sendable, Equatable {
    public var id: ModelID
    public var displayName: String
    /// A shorter name for narrow places (the form's Model row at 80 columns); the display name when short already.
    public var shortName: String
    public var family: ModelFamily
    public var provider: ModelProvider
    public var modes: [GenerationModeKind]
    /// Pixel sizes (SD family); empty for models that take aspect ratios.
    public var sizes: [ImageSize]
    /// Aspect ratios (FLUX family); empty for models that take pixel sizes.
    public var aspectRatios: [String]
    public var defaultShape: ImageShape
    /// Empty when the model has no sampler choice.
    public var samplers: [Sampler]
    /// nil: the server picks its own default.
    public var defaultSampler: Sampler?
    /// `cfg_scale` for SD models, `guidance_scale` for FLUX models.
    public var guidance: ParameterRange<Double>
    public var steps: ParameterRange<Int>
    public var maxSamples: Int
    public var acceptsNegativePrompt: Bool

    /// Whether requests to this model carry `parameter`: the schema's wire names per family decide.
    public func takes(_ parameter: RequestParameter) -> Bool {
        parameter.wireName(for: family) != nil
    }

    /// The model takes an aspect ratio rather than a size in pixels.
    public var takesAspectRatio: Bool { !aspectRatios.isEmpty }

    public init(
        id: ModelID, displayName: String, family: ModelFamily, modes: [GenerationModeKind],
        sizes: [ImageSize], aspectRatios: [String], defaultShape: ImageShape,
        samplers: [Sampler], defaultSampler: Sampler?, guidance: ParameterRange<Double>,
        steps: ParameterRange<Int>, maxSamples: Int, acceptsNegativePrompt: Bool, provider: ModelProvider = .fireworks,
        shortName: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.shortName = shortName ?? displayName
        self.family = family
        self.provider = provider
        self.modes = modes
        self.sizes = sizes
        self.aspectRatios = aspectRatios
        self.defaultShape = defaultShape
        self.samplers = samplers
        self.defaultSampler = defaultSampler
        self.guidance = guidance
        self.steps = steps
        self.maxSamples = maxSamples
        self.acceptsNegativePrompt = acceptsNegativePrompt
    }
}

extension ModelCapabilities {
    /// The SDXL resolution set, which Fireworks' SDXL-class models (Playground v2 among them) take.
    public static let sdxlSizes: [ImageSize] = [
        (1024, 1024), (1152, 896), (896, 1152), (1216, 832), (832, 1216),
        (1344, 768), (768, 1344), (1536, 640), (640, 1536),
    ].map { ImageSize(width: $0.0, height: $0.1) }

    public static let fluxAspectRatios = ["1:1", "21:9", "16:9", "3:2", "5:4", "4:5", "2:3", "9:16", "9:21", "4:3", "3:4"]

    /// An SDXL-class model on Fireworks' `image_generation` endpoints.
    public static func stableDiffusionXL(_ id: ModelID, displayName: String, cfgDefault: Double) -> ModelCapabilities {
        ModelCapabilities(
            id: id, displayName: displayName, family: .stableDiffusion,
            modes: ModelFamily.stableDiffusion.modes,
            sizes: sdxlSizes, aspectRatios: [],
            defaultShape: .size(ImageSize(width: 1024, height: 1024)),
            samplers: Sampler.allCases, defaultSampler: nil,
            guidance: ParameterRange(0...35, default: cfgDefault),
            steps: ParameterRange(1...150, default: 30),
            maxSamples: 10, acceptsNegativePrompt: true
        )
    }

    /// A FLUX-family model on Fireworks' workflow endpoint.
    public static func flux(_ id: ModelID, displayName: String, stepsDefault: Int) -> ModelCapabilities {
        ModelCapabilities(
            id: id, displayName: displayName, family: .flux,
            modes: ModelFamily.flux.modes,
            sizes: [], aspectRatios: fluxAspectRatios,
            defaultShape: .aspectRatio("1:1"),
            samplers: [], defaultSampler: nil,
            guidance: ParameterRange(0...20, default: 3.5),
            steps: ParameterRange(1...50, default: stepsDefault),
            maxSamples: 1, acceptsNegativePrompt: false
        )
    }
}

extension ModelCapabilities {
    /// FLUX.1 Kontext on Fireworks' asynchronous workflow API: no guidance or steps to set (the ranges below
    /// are never shown or sent, since the family takes neither), one picture per request.
    public static func kontext(_ id: ModelID, displayName: String) -> ModelCapabilities {
        ModelCapabilities(
            id: id, displayName: displayName, family: .kontext,
            modes: ModelFamily.kontext.modes,
            sizes: [], aspectRatios: fluxAspectRatios,
            defaultShape: .aspectRatio("1:1"),
            samplers: [], defaultSampler: nil,
            guidance: ParameterRange(0...0, default: 0),
            steps: ParameterRange(1...1, default: 1),
            maxSamples: 1, acceptsNegativePrompt: false
        )
    }
}

extension ModelCapabilities {
    /// The offline engine's model. It draws at 32x32 (other aspect ratios at about the same pixel count)
    /// and upscales to these sizes; every sampler and parameter behaves as on Fireworks, at toy scale.
    public static let sparklerTiny = ModelCapabilities(
        id: ModelID(account: "sparkler", name: "sparkler-tiny"), displayName: "sparkler-tiny (offline)",
        family: .stableDiffusion, modes: [.textToImage, .imageToImage],
        sizes: [256, 512, 768].map { ImageSize(width: $0, height: $0) } + sdxlSizes, aspectRatios: [],
        defaultShape: .size(ImageSize(width: 512, height: 512)),
        samplers: Sampler.allCases, defaultSampler: .ddim,
        // The model card recommends guidance 3: at 5 and above landscapes over-saturate.
        guidance: ParameterRange(0...35, default: 3),
        steps: ParameterRange(1...150, default: 20),
        maxSamples: 10, acceptsNegativePrompt: true, provider: .local, shortName: "sparkler-tiny"
    )

    /// The same model with `name` for narrow places.
    func shortened(_ name: String) -> ModelCapabilities {
        var model = self
        model.shortName = name
        return model
    }
}
