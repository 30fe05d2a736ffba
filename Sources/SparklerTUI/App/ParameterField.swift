import SparklerCore

/// One row of the parameter panel. Which rows exist depends on the model and the mode.
public enum ParameterField: String, Sendable, Hashable, Codable, CaseIterable {
    case model, mode, size, cfg, steps, sampler, seed, format, safety
    case initImage, initMode, strength, scheduleStart, scheduleEnd
    case controlImage, controlNet, conditioningScale

    public var label: String {
        switch self {
        case .model: "Model"
        case .mode: "Mode"
        case .size: "Size"
        case .cfg: "CFG"
        case .steps: "Steps"
        case .sampler: "Sampler"
        case .seed: "Seed"
        case .format: "Format"
        case .safety: "Safety"
        case .initImage: "Init img"
        case .initMode: "Keep by"
        case .strength: "Strength"
        case .scheduleStart: "Start"
        case .scheduleEnd: "End"
        case .controlImage: "Control"
        case .controlNet: "Net"
        case .conditioningScale: "Cond."
        }
    }

    public enum Kind: Sendable, Equatable {
        case slider(SliderSpec)
        case choice
        case toggle
        case text
        case seed
    }

    public func kind(for model: ModelCapabilities) -> Kind {
        switch self {
        case .cfg:
            .slider(SliderSpec(lower: model.guidance.lowerBound, upper: model.guidance.upperBound, step: 0.5, decimals: 1))
        case .steps:
            .slider(SliderSpec(lower: Double(model.steps.lowerBound), upper: Double(model.steps.upperBound), step: 1, decimals: 0))
        case .strength, .scheduleStart, .scheduleEnd:
            .slider(SliderSpec(lower: 0, upper: 1, step: 0.05, decimals: 2))
        case .conditioningScale:
            .slider(SliderSpec(lower: 0, upper: 2, step: 0.05, decimals: 2))
        case .model, .mode, .size, .sampler, .format, .initMode: .choice
        case .safety: .toggle
        case .initImage, .controlImage, .controlNet: .text
        case .seed: .seed
        }
    }

    /// Fields that edit text: keys go to the text first, as in the prompt.
    public var isText: Bool { self == .initImage || self == .controlImage || self == .controlNet }
}

/// The range and granularity of a slider.
public struct SliderSpec: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var step: Double
    public var decimals: Int

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

import Foundation
