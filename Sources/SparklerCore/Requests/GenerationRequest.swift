/// Everything a user can ask of an image model, for all three modes.
///
/// Optional fields mean "the model's default"; `RequestValidator` fills them from the model's
/// capabilities, so a validated request states every value that made the picture.
public struct GenerationRequest: Sendable, Equatable {
    public var model: String
    public var prompt: String
    public var negativePrompt: String?
    public var shape: ImageShape?
    public var cfgScale: Double?
    public var steps: Int?
    /// 0 asks the backend to pick a random seed; the seed it used comes back in the result.
    public var seed: Int
    public var sampler: Sampler?
    public var samples: Int
    public var format: ImageFormat
    /// Sent as the `Jpeg-Quality` header when the format is JPEG.
    public var jpegQuality: Int?
    public var safetyCheck: Bool
    public var stylePreset: String?
    public var loraAdapterName: String?
    public var loraWeightFilename: String?
    public var mode: GenerationMode

    public init(
        model: String = ModelCatalogue.defaultModelID,
        prompt: String,
        negativePrompt: String? = nil,
        shape: ImageShape? = nil,
        cfgScale: Double? = nil,
        steps: Int? = nil,
        seed: Int = 0,
        sampler: Sampler? = nil,
        samples: Int = 1,
        format: ImageFormat = .jpeg,
        jpegQuality: Int? = nil,
        safetyCheck: Bool = false,
        stylePreset: String? = nil,
        loraAdapterName: String? = nil,
        loraWeightFilename: String? = nil,
        mode: GenerationMode = .textToImage
    ) {
        self.model = model
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.shape = shape
        self.cfgScale = cfgScale
        self.steps = steps
        self.seed = seed
        self.sampler = sampler
        self.samples = samples
        self.format = format
        self.jpegQuality = jpegQuality
        self.safetyCheck = safetyCheck
        self.stylePreset = stylePreset
        self.loraAdapterName = loraAdapterName
        self.loraWeightFilename = loraWeightFilename
        self.mode = mode
    }

    /// What the request bills: Fireworks charges per image step.
    public var billedSteps: Int { (steps ?? 0) * samples }
}

/// SD-family models take a size in pixels; FLUX workflow models take an aspect ratio.
public enum ImageShape: Sendable, Hashable {
    case size(ImageSize)
    case aspectRatio(String)
}
