/// The parameters of a request, each declared once: what people call it, its field on Fireworks' API in
/// each model family, and, for numbers, the range a model allows and the grid a slider moves on. The
/// validator's messages, the form's sliders, the Fireworks encoder, `serve`'s decoder and its error
/// messages all read these facts here.
public enum RequestParameter: String, Sendable, CaseIterable {
    case prompt, negativePrompt, mode, size, aspectRatio, guidance, steps, seed, sampler, samples, jpegQuality
    case safetyCheck, stylePreset, loraAdapterName, loraWeightFilename
    case initImage, initImageMode, imageStrength, scheduleStart, scheduleEnd, stepSchedule, cropPadding
    case controlImage, controlNet, conditioningScale

    /// What messages, the CLI and the form call it: `cfg` on SD models, `guidance` on FLUX.
    public func name(for family: ModelFamily) -> String {
        switch self {
        case .prompt: "prompt"
        case .negativePrompt: "negative prompt"
        case .mode: "mode"
        case .size: "size"
        case .aspectRatio: "aspect ratio"
        case .guidance: family == .flux ? "guidance" : "cfg"
        case .steps: "steps"
        case .seed: "seed"
        case .sampler: "sampler"
        case .samples: "samples"
        case .jpegQuality: "JPEG quality"
        case .safetyCheck: "safety check"
        case .stylePreset: "style preset"
        case .loraAdapterName: "LoRA adapter"
        case .loraWeightFilename: "LoRA weights"
        case .initImage: "init image"
        case .initImageMode: "init image mode"
        case .cropPadding: "crop padding"
        case .controlImage: "control image"
        case .imageStrength: "strength"
        case .scheduleStart: "schedule start"
        case .scheduleEnd: "schedule end"
        case .stepSchedule: "schedule"
        case .controlNet: "control net"
        case .conditioningScale: "conditioning scale"
        }
    }

    /// Its request field on Fireworks' API for models of `family`; nil where that API has no one field for it
    /// (a size travels as `height` and `width`; FLUX takes no negative prompt; the mode is the route; JPEG
    /// quality is a header).
    public func wireName(for family: ModelFamily) -> String? {
        switch (self, family) {
        case (.prompt, _): "prompt"
        case (.seed, _): "seed"
        case (.aspectRatio, _): "aspect_ratio"
        case (.guidance, .stableDiffusion): "cfg_scale"
        case (.guidance, .flux): "guidance_scale"
        case (.steps, .stableDiffusion): "steps"
        case (.steps, .flux): "num_inference_steps"
        case (.negativePrompt, .stableDiffusion): "negative_prompt"
        case (.sampler, .stableDiffusion): "sampler"
        case (.samples, .stableDiffusion): "samples"
        case (.imageStrength, .stableDiffusion): "image_strength"
        case (.scheduleStart, .stableDiffusion): "step_schedule_start"
        case (.scheduleEnd, .stableDiffusion): "step_schedule_end"
        case (.stepSchedule, .stableDiffusion): "step_schedule_start:step_schedule_end"
        case (.controlNet, .stableDiffusion): "control_net_name"
        case (.conditioningScale, .stableDiffusion): "conditioning_scale"
        case (.safetyCheck, .stableDiffusion): "safety_check"
        case (.stylePreset, .stableDiffusion): "style_preset"
        case (.loraAdapterName, .stableDiffusion): "lora_adapter_name"
        case (.loraWeightFilename, .stableDiffusion): "lora_weight_filename"
        case (.initImage, .stableDiffusion): "init_image"
        case (.initImageMode, .stableDiffusion): "init_image_mode"
        case (.cropPadding, .stableDiffusion): "crop_padding"
        case (.controlImage, .stableDiffusion): "control_image"
        case (.mode, _), (.jpegQuality, _), (.size, _), (.negativePrompt, .flux), (.sampler, .flux), (.samples, .flux),
             (.safetyCheck, .flux), (.stylePreset, .flux), (.loraAdapterName, .flux), (.loraWeightFilename, .flux),
             (.initImage, .flux), (.initImageMode, .flux), (.imageStrength, .flux), (.scheduleStart, .flux),
             (.scheduleEnd, .flux), (.stepSchedule, .flux), (.cropPadding, .flux), (.controlImage, .flux),
             (.controlNet, .flux), (.conditioningScale, .flux):
            nil
        }
    }

    /// The values `model` allows, for the numeric parameters; nil for the others.
    public func range(for model: ModelCapabilities) -> NumericRange? {
        switch self {
        case .guidance: NumericRange(model.guidance.lowerBound...model.guidance.upperBound, step: 0.5, decimals: 1)
        case .steps: NumericRange(Double(model.steps.lowerBound)...Double(model.steps.upperBound), step: 1, decimals: 0)
        case .seed: NumericRange(0...Double(RequestValidator.maxSeed), step: 1, decimals: 0)
        case .samples: NumericRange(1...Double(model.maxSamples), step: 1, decimals: 0)
        case .jpegQuality: NumericRange(0...100, step: 1, decimals: 0)
        case .imageStrength, .scheduleStart, .scheduleEnd: NumericRange(0...1, step: 0.05, decimals: 2)
        case .conditioningScale: NumericRange(0...2, step: 0.05, decimals: 2)
        case .prompt, .negativePrompt, .mode, .size, .aspectRatio, .sampler, .safetyCheck, .stylePreset, .loraAdapterName,
             .loraWeightFilename, .initImage, .initImageMode, .stepSchedule, .cropPadding, .controlImage, .controlNet:
            nil
        }
    }
}

/// An inclusive range of numbers, and the grid a slider moves on through it.
public struct NumericRange: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var step: Double
    /// Decimals a slider shows.
    public var decimals: Int

    public init(_ bounds: ClosedRange<Double>, step: Double, decimals: Int) {
        lower = bounds.lowerBound
        upper = bounds.upperBound
        self.step = step
        self.decimals = decimals
    }

    public func contains(_ value: Double) -> Bool { value.isFinite && value >= lower && value <= upper }

    /// `0 to 35`, as validation messages say it.
    public var text: String { "\(RequestValidator.format(lower)) to \(RequestValidator.format(upper))" }
}
