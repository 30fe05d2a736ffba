import Foundation

/// Checks a request against a model's capabilities and fills in the model's defaults,
/// so that a validated request states every value that will make the picture.
public enum RequestValidator {
    public static let maxSeed = 2_147_483_647

    public static func validate(
        _ request: GenerationRequest, for model: ModelCapabilities
    ) throws(ParameterError) -> GenerationRequest {
        var checked = request
        checked.model = model.id.path

        if request.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ParameterError(field: "prompt", value: "", allowed: "type what the picture should show")
        }
        if !model.modes.contains(request.mode.kind) {
            throw ParameterError(
                field: "mode", value: request.mode.kind.rawValue,
                allowed: "\(model.id.name) offers " + model.modes.map(\.rawValue).joined(separator: ", ")
            )
        }
        if let negative = request.negativePrompt, !negative.isEmpty, !model.acceptsNegativePrompt {
            throw ParameterError(
                field: "negative prompt", value: quoted(negative),
                allowed: "\(model.id.name) takes no negative prompt"
            )
        }
        checked.shape = try validShape(request.shape, for: model)
        checked.cfgScale = try validGuidance(request.cfgScale, for: model)
        checked.steps = try validSteps(request.steps, for: model)
        checked.sampler = try validSampler(request.sampler, for: model)

        if !(0...maxSeed).contains(request.seed) {
            throw ParameterError(field: "seed", value: "\(request.seed)", allowed: "0 (random) to \(maxSeed)")
        }
        if !(1...model.maxSamples).contains(request.samples) {
            throw ParameterError(field: "samples", value: "\(request.samples)", allowed: "1 to \(model.maxSamples)")
        }
        if let quality = request.jpegQuality, !(0...100).contains(quality) {
            throw ParameterError(field: "JPEG quality", value: "\(quality)", allowed: "0 to 100")
        }
        try validateMode(request.mode)
        return checked
    }

    private static func validShape(_ shape: ImageShape?, for model: ModelCapabilities) throws(ParameterError) -> ImageShape {
        switch (shape, model.family) {
        case (nil, _):
            return model.defaultShape
        case (.size(let size), .stableDiffusion):
            guard model.sizes.contains(size) else {
                throw ParameterError(
                    field: "size", value: "\(size)",
                    allowed: "\(model.id.name) offers " + model.sizes.map(\.description).joined(separator: ", ")
                )
            }
            return .size(size)
        case (.aspectRatio(let ratio), .flux):
            guard model.aspectRatios.contains(ratio) else {
                throw ParameterError(
                    field: "aspect ratio", value: ratio,
                    allowed: "\(model.id.name) offers " + model.aspectRatios.joined(separator: ", ")
                )
            }
            return .aspectRatio(ratio)
        case (.size(let size), .flux):
            throw ParameterError(
                field: "size", value: "\(size)",
                allowed: "\(model.id.name) takes an aspect ratio instead: " + model.aspectRatios.joined(separator: ", ")
            )
        case (.aspectRatio(let ratio), .stableDiffusion):
            throw ParameterError(
                field: "aspect ratio", value: ratio,
                allowed: "\(model.id.name) takes a size instead: " + model.sizes.map(\.description).joined(separator: ", ")
            )
        }
    }

    private static func validGuidance(_ value: Double?, for model: ModelCapabilities) throws(ParameterError) -> Double {
        let range = model.guidance
        guard let value else { return range.defaultValue }
        guard value.isFinite, range.contains(value) else {
            let name = model.family == .flux ? "guidance" : "cfg"
            throw ParameterError(
                field: name, value: format(value),
                allowed: "\(format(range.lowerBound)) to \(format(range.upperBound))"
            )
        }
        return value
    }

    private static func validSteps(_ value: Int?, for model: ModelCapabilities) throws(ParameterError) -> Int {
        let range = model.steps
        guard let value else { return range.defaultValue }
        guard range.contains(value) else {
            throw ParameterError(field: "steps", value: "\(value)", allowed: "\(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func validSampler(_ sampler: Sampler?, for model: ModelCapabilities) throws(ParameterError) -> Sampler? {
        guard let sampler else { return model.defaultSampler }
        guard model.samplers.contains(sampler) else {
            let allowed = model.samplers.isEmpty
                ? "\(model.id.name) has no sampler choice"
                : "one of " + model.samplers.map(\.rawValue).joined(separator: ", ")
            throw ParameterError(field: "sampler", value: sampler.rawValue, allowed: allowed)
        }
        return sampler
    }

    private static func validateMode(_ mode: GenerationMode) throws(ParameterError) {
        switch mode {
        case .textToImage:
            return
        case .imageToImage(let initImage):
            switch initImage.schedule {
            case .imageStrength(let strength):
                try requireFraction(strength, field: "strength")
            case .stepSchedule(let start, let end):
                try requireFraction(start, field: "schedule start")
                try requireFraction(end, field: "schedule end")
                if start > end {
                    throw ParameterError(
                        field: "schedule", value: "\(format(start)):\(format(end))",
                        allowed: "START:END with START no greater than END"
                    )
                }
            }
        case .controlNet(let settings):
            if settings.netName.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ParameterError(field: "control net", value: "", allowed: "name the ControlNet to use, e.g. canny")
            }
            if !(0...2).contains(settings.conditioningScale) || !settings.conditioningScale.isFinite {
                throw ParameterError(
                    field: "conditioning scale", value: format(settings.conditioningScale), allowed: "0 to 2"
                )
            }
            try requireFraction(settings.stepScheduleStart, field: "schedule start")
            try requireFraction(settings.stepScheduleEnd, field: "schedule end")
        }
    }

    private static func requireFraction(_ value: Double, field: String) throws(ParameterError) {
        guard value.isFinite, (0...1).contains(value) else {
            throw ParameterError(field: field, value: format(value), allowed: "0 to 1")
        }
    }

    /// `7` rather than `7.0`, `0.65` as typed.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func quoted(_ text: String) -> String { "\"\(text.prefix(40))\"" }
}
