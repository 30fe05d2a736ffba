import SparklerCore

/// One row of the parameter panel. Which rows exist depends on the model and the mode.
public enum ParameterField: Sendable, Hashable {
    case model, mode, size, cfg, steps, sampler, seed, format, safety
    case initImage, initMode, strength, scheduleStart, scheduleEnd
    case controlImage, controlNet, conditioningScale
    case editImage
    /// A parameter only some models take, as the schema declares it (`RequestParameter.options`).
    case option(RequestParameter)

    public static let allCases: [ParameterField] = [
        .model, .mode, .size, .cfg, .steps, .sampler, .seed, .format, .safety,
        .initImage, .initMode, .strength, .scheduleStart, .scheduleEnd,
        .controlImage, .controlNet, .conditioningScale, .editImage,
    ] + RequestParameter.options.map(ParameterField.option)

    /// Its row label: the schema's, for every row that edits a parameter.
    public var label: String { parameter?.formLabel ?? "Model" }

    /// The request parameter this row edits; nil for the model row (the model is no request parameter).
    public var parameter: RequestParameter? {
        switch self {
        case .model: nil
        case .format: .format
        case .initMode: .initImageMode
        case .mode: .mode
        case .size: .size
        case .cfg: .guidance
        case .steps: .steps
        case .sampler: .sampler
        case .seed: .seed
        case .safety: .safetyCheck
        case .initImage: .initImage
        case .strength: .imageStrength
        case .scheduleStart: .scheduleStart
        case .scheduleEnd: .scheduleEnd
        case .controlImage: .controlImage
        case .controlNet: .controlNet
        case .conditioningScale: .conditioningScale
        case .editImage: .editImage
        case .option(let parameter): parameter
        }
    }

    public enum Kind: Sendable, Equatable {
        case slider(SliderSpec)
        case choice
        case toggle
        case text
        case seed
    }

    /// How the row edits its value; a slider's range can narrow in a mode (Kontext's safety tolerance).
    public func kind(for model: ModelCapabilities, mode: GenerationModeKind = .textToImage) -> Kind {
        switch self {
        case .cfg, .steps, .strength, .scheduleStart, .scheduleEnd, .conditioningScale:
            // Every slider edits a numeric request parameter, whose range the schema gives.
            guard let range = parameter?.range(for: model) else { preconditionFailure("\(self) has no range") }
            return .slider(range)
        case .model, .mode, .size, .sampler, .format, .initMode: return .choice
        case .safety: return .toggle
        case .initImage, .controlImage, .controlNet, .editImage: return .text
        case .seed: return .seed
        case .option(let parameter):
            switch parameter.optionKind {
            case .integer:
                guard let range = parameter.range(for: model, mode: mode) else { preconditionFailure("\(parameter) has no range") }
                return .slider(range)
            case .flag, nil:
                return .toggle
            }
        }
    }

    /// Fields that edit text: keys go to the text first, as in the prompt.
    public var isText: Bool { self == .initImage || self == .controlImage || self == .controlNet || self == .editImage }
}

/// A slider moves through a numeric parameter's range on its grid.
public typealias SliderSpec = NumericRange

extension NumericRange {
    public func clamp(_ value: Double) -> Double { min(max(value, lower), upper) }

    /// Snaps to the step grid, so repeated moves never drift (0.1 + 0.2 ...).
    public func snap(_ value: Double) -> Double {
        clamp(((value - lower) / step).rounded() * step + lower)
    }

    public func format(_ value: Double) -> String {
        decimals == 0 ? String(Int(value.rounded())) : String(format: "%.\(decimals)f", value)
    }

    public var rangeText: String { "\(format(lower)) to \(format(upper))" }
}
