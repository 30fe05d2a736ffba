import SparklerCore

/// One picture's worth of parameters for the offline engine, in the model's own terms.
public struct EngineSettings: Sendable, Equatable {
    public var prompt: String
    /// The unconditional branch of guidance; empty means the empty caption.
    public var negativePrompt: String
    /// The size the network draws at (multiples of 4; the model was trained at its native size).
    public var canvas: ImageSize
    public var steps: Int
    public var guidance: Double
    public var sampler: Sampler
    public var seed: UInt64
    /// Image to image: the picture to start from and how much of it to keep.
    public var initImage: RGBAImage?
    public var initSchedule: InitImageSchedule

    public init(
        prompt: String, negativePrompt: String = "", canvas: ImageSize, steps: Int, guidance: Double,
        sampler: Sampler, seed: UInt64, initImage: RGBAImage? = nil, initSchedule: InitImageSchedule = .imageStrength(0.35)
    ) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.canvas = canvas
        self.steps = steps
        self.guidance = guidance
        self.sampler = sampler
        self.seed = seed
        self.initImage = initImage
        self.initSchedule = initSchedule
    }
}

/// What one step of a run reports: its number and the current estimate of the finished picture.
public struct EngineProgress: Sendable {
    public var step: Int
    public var steps: Int
    public var preview: RGBAImage
}

/// A finished run: the picture at the canvas size, and what the tokenizer made of the prompt.
public struct EngineOutput: Sendable {
    public var image: RGBAImage
    public var prompt: EncodedPrompt
    public var networkEvaluations: Int
}
