/// The parameters of a request, each declared once: what people call it, its field on Fireworks' API in
/// each model family, and, for numbers, the range a model allows and the grid a slider moves on. The
/// validator's messages, the form's sliders, the Fireworks encoder, `serve`'s decoder and its error
/// messages all read these facts here.
public enum RequestParameter: String, Sendable, CaseIterable {
    case prompt, negativePrompt, mode, size, aspectRatio, guidance, steps, seed, sampler, samples, jpegQuality
    case safetyCheck, stylePreset, loraAdapterName, loraWeightFilename
    case initImage, initImageMode, imageStrength, scheduleStart, scheduleEnd, stepSchedule, cropPadding
    case controlImage, controlNet, conditioningScale
    case format, editImage
    case safetyTolerance, promptUpsampling

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
        case .format: "format"
        case .editImage: "picture to edit"
        case .safetyTolerance: "safety tolerance"
        case .promptUpsampling: "prompt upsampling"
        }
    }

    /// Its request field on Fireworks' API for models of `family`; nil where that API has no one field for it
    /// (a size travels as `height` and `width`; the mode is the route; JPEG quality is a header) or the family
    /// does not take it at all (FLUX takes no negative prompt). Which parameters a model takes follows from here.
    public func wireName(for family: ModelFamily) -> String? {
        switch family {
        case .stableDiffusion: stableDiffusionWireName
        case .flux: fluxWireName
        case .kontext: kontextWireName
        }
    }

    private var stableDiffusionWireName: String? {
        switch self {
        case .prompt: "prompt"
        case .negativePrompt: "negative_prompt"
        case .guidance: "cfg_scale"
        case .steps: "steps"
        case .seed: "seed"
        case .sampler: "sampler"
        case .samples: "samples"
        case .safetyCheck: "safety_check"
        case .stylePreset: "style_preset"
        case .loraAdapterName: "lora_adapter_name"
        case .loraWeightFilename: "lora_weight_filename"
        case .initImage: "init_image"
        case .initImageMode: "init_image_mode"
        case .imageStrength: "image_strength"
        case .scheduleStart: "step_schedule_start"
        case .scheduleEnd: "step_schedule_end"
        case .stepSchedule: "step_schedule_start:step_schedule_end"
        case .cropPadding: "crop_padding"
        case .controlImage: "control_image"
        case .controlNet: "control_net_name"
        case .conditioningScale: "conditioning_scale"
        case .mode, .size, .aspectRatio, .jpegQuality, .format, .editImage, .safetyTolerance, .promptUpsampling: nil
        }
    }

    private var fluxWireName: String? {
        switch self {
        case .prompt: "prompt"
        case .aspectRatio: "aspect_ratio"
        case .guidance: "guidance_scale"
        case .steps: "num_inference_steps"
        case .seed: "seed"
        default: nil
        }
    }

    /// FLUX.1 Kontext's workflow API (FIREWORKS_API.md): no guidance or steps; the picture to edit travels inline.
    private var kontextWireName: String? {
        switch self {
        case .prompt: "prompt"
        case .aspectRatio: "aspect_ratio"
        case .seed: "seed"
        case .format: "output_format"
        case .editImage: "input_image"
        case .safetyTolerance: "safety_tolerance"
        case .promptUpsampling: "prompt_upsampling"
        default: nil
        }
    }

    /// The values `model` allows, for the numeric parameters; nil for the others. Some ranges narrow in a
    /// mode: Kontext allows a safety tolerance of at most 2 when it edits a picture.
    public func range(for model: ModelCapabilities, mode: GenerationModeKind = .textToImage) -> NumericRange? {
        switch self {
        case .guidance:
            model.takes(.guidance) ? NumericRange(model.guidance.lowerBound...model.guidance.upperBound, step: 0.5, decimals: 1) : nil
        case .steps:
            model.takes(.steps) ? NumericRange(Double(model.steps.lowerBound)...Double(model.steps.upperBound), step: 1, decimals: 0) : nil
        case .seed: NumericRange(0...Double(RequestValidator.maxSeed), step: 1, decimals: 0)
        case .samples: NumericRange(1...Double(model.maxSamples), step: 1, decimals: 0)
        case .jpegQuality: NumericRange(0...100, step: 1, decimals: 0)
        case .imageStrength, .scheduleStart, .scheduleEnd: NumericRange(0...1, step: 0.05, decimals: 2)
        case .conditioningScale: NumericRange(0...2, step: 0.05, decimals: 2)
        case .safetyTolerance: NumericRange(0...(mode == .edit ? 2 : 6), step: 1, decimals: 0)
        case .prompt, .negativePrompt, .mode, .size, .aspectRatio, .sampler, .safetyCheck, .stylePreset, .loraAdapterName,
             .loraWeightFilename, .initImage, .initImageMode, .stepSchedule, .cropPadding, .controlImage, .controlNet,
             .format, .editImage, .promptUpsampling:
            nil
        }
    }

    /// The parameters only some model families take, carried in `GenerationRequest.options` rather than as
    /// fields of their own: declaring one here (with its wire name, range and default) is all it takes for
    /// the CLI, the form, validation, the encoder, `serve`, history and provenance to handle it.
    public var optionKind: OptionKind? {
        switch self {
        case .safetyTolerance: .integer
        case .promptUpsampling: .flag
        default: nil
        }
    }

    /// Every parameter `optionKind` declares.
    public static let options = allCases.filter { $0.optionKind != nil }

    /// An option's value when the request leaves it out: the family's documented default.
    public func defaultValue(for model: ModelCapabilities) -> ParameterValue? {
        guard wireName(for: model.family) != nil else { return nil }
        switch self {
        case .safetyTolerance: return .integer(2)
        case .promptUpsampling: return .flag(false)
        default: return nil
        }
    }

    /// What it does, for `--help` (the CLI's options are declared with it) and the form's hint.
    public var help: String {
        switch self {
        case .prompt: "What the picture should show."
        case .negativePrompt: "What the picture should not show."
        case .mode: "Text to image, image to image, ControlNet or an edit by instruction."
        case .size: "Picture size WIDTHxHEIGHT, one of the model's sizes (e.g. 1024x1024)."
        case .aspectRatio: "Aspect ratio, for models that take one instead of a size (e.g. 16:9)."
        case .guidance: "Classifier-free guidance: how closely to follow the prompt."
        case .steps: "Denoising steps; Fireworks bills per step."
        case .seed: "Seed; 0 picks a random one and reports it."
        case .sampler: "Sampler, e.g. K_DPMPP_2M or dpmpp_2m."
        case .samples: "How many pictures one request makes."
        case .jpegQuality: "JPEG quality 0-100, sent as the Jpeg-Quality header."
        case .safetyCheck: "Ask the server to filter unsafe pictures."
        case .stylePreset: "A style preset the model offers."
        case .loraAdapterName: "A LoRA adapter to apply."
        case .loraWeightFilename: "The LoRA adapter's weights file."
        case .initImage: "Start from this image (image to image); for FLUX Kontext, the picture to edit as the prompt says."
        case .initImageMode: "Keep the init image by strength or by step schedule."
        case .imageStrength: "With an init image: how much of it to keep, 0-1 (IMAGE_STRENGTH)."
        case .scheduleStart: "With an init image: where in the step schedule to start, 0-1."
        case .scheduleEnd: "With an init image: where in the step schedule to end, 0-1."
        case .stepSchedule: "With an init image: START:END fractions of the step schedule (STEP_SCHEDULE)."
        case .cropPadding: "Padding around a cropped init image."
        case .controlImage: "Guide the picture with this control image (ControlNet)."
        case .controlNet: "With a control image: the ControlNet to use, e.g. canny."
        case .conditioningScale: "With a control image: how strongly it steers, 0-2."
        case .format: "jpg or png (default: from -o's extension, else jpg)."
        case .editImage: "The picture an edit by instruction starts from."
        case .safetyTolerance: "How permissive moderation is, 0 (strictest) to 6; at most 2 when editing a picture."
        case .promptUpsampling: "Let the model rewrite the prompt in more detail before drawing."
        }
    }

    /// Its row label in the playground's form (at most 8 columns).
    public var formLabel: String {
        switch self {
        case .mode: "Mode"
        case .size, .aspectRatio: "Size"
        case .guidance: "CFG"
        case .steps: "Steps"
        case .sampler: "Sampler"
        case .seed: "Seed"
        case .format: "Format"
        case .safetyCheck: "Safety"
        case .initImage: "Init img"
        case .initImageMode: "Keep by"
        case .imageStrength: "Strength"
        case .scheduleStart: "Start"
        case .scheduleEnd: "End"
        case .controlImage: "Control"
        case .controlNet: "Net"
        case .conditioningScale: "Cond."
        case .editImage: "Picture"
        case .safetyTolerance: "Safety"
        case .promptUpsampling: "Upsample"
        default: String(name(for: .stableDiffusion).prefix(8))
        }
    }

    /// Its long option on the command line, without the dashes: `cfg`, `init-image`, `safety-tolerance`.
    public var cliName: String {
        switch self {
        case .negativePrompt: "negative"
        case .guidance: "cfg"
        case .imageStrength: "strength"
        case .stepSchedule: "schedule"
        case .safetyCheck: "safety-check"
        default:
            rawValue.reduce(into: "") { text, character in
                text += character.isUppercase ? "-" + character.lowercased() : String(character)
            }
        }
    }

    /// `--safety-tolerance`: the CLI's spelling.
    public var optionFlag: String { "--" + cliName }
}

/// The type of an option's value.
public enum OptionKind: Sendable, Equatable {
    case integer
    case flag
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
