/// Everything a user can ask of an image model, for all three modes.
///
/// Optional fields mean "the model's default"; `RequestValidator` fills them from the model's
/// capabilities, so a validated request states every value that made the picture.
///
/// Its JSON form is the document history stores (version `documentVersion`): a new optional parameter is
/// a new key that older documents simply lack; a change that old documents cannot decode into bumps the
/// version and comes with a history migration. Input images are named in it, not carried (see `InputImage`).
public struct GenerationRequest: Sendable, Equatable, Codable {
    /// The version of the JSON document this type reads and writes.
    public static let documentVersion = 1

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
    /// Options only some model families take (Kontext's safety tolerance); the schema declares them.
    public var options: ModelOptions {
        get { storedOptions ?? ModelOptions() }
        set { storedOptions = newValue.isEmpty ? nil : newValue }
    }
    /// Absent from documents that set no option, as every document written before options existed.
    private var storedOptions: ModelOptions?

    private enum CodingKeys: String, CodingKey {
        case model, prompt, negativePrompt, shape, cfgScale, steps, seed, sampler, samples, format, jpegQuality
        case safetyCheck, stylePreset, loraAdapterName, loraWeightFilename, mode
        case storedOptions = "options"
    }

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
        mode: GenerationMode = .textToImage,
        options: ModelOptions = ModelOptions()
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
        self.options = options
    }

    /// What the request bills: Fireworks charges per image step.
    public var billedSteps: Int { (steps ?? 0) * samples }
}

/// SD-family models take a size in pixels; FLUX workflow models take an aspect ratio.
public enum ImageShape: Sendable, Hashable, CustomStringConvertible {
    case size(ImageSize)
    case aspectRatio(String)

    /// `1024x1024` or `16:9`.
    public var description: String {
        switch self {
        case .size(let size): size.description
        case .aspectRatio(let ratio): ratio
        }
    }
}

/// `{"width": 1024, "height": 1024}` or `{"aspectRatio": "16:9"}`.
extension ImageShape: Codable {
    private enum CodingKeys: String, CodingKey {
        case width, height, aspectRatio
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let ratio = try container.decodeIfPresent(String.self, forKey: .aspectRatio) {
            self = .aspectRatio(ratio)
        } else {
            self = .size(ImageSize(
                width: try container.decode(Int.self, forKey: .width), height: try container.decode(Int.self, forKey: .height)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .size(let size):
            try container.encode(size.width, forKey: .width)
            try container.encode(size.height, forKey: .height)
        case .aspectRatio(let ratio):
            try container.encode(ratio, forKey: .aspectRatio)
        }
    }
}
