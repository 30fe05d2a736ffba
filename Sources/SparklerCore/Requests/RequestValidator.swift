import Foundation

/// Checks a request against a model's capabilities and fills in the model's defaults,
/// so that a validated request states every value that will make the picture.
public enum RequestValidator {
    public static let maxSeed = 2_147_483_647
    /// The longest prompt or negative prompt taken, in characters: far beyond what a model reads (CLIP reads
    /// 77 tokens, T5 512), short enough that history, the form and `serve` never hold megabytes of text.
    public static let maxPromptCharacters = 10_000

    public static func validate(
        _ request: GenerationRequest, for model: ModelCapabilities
    ) throws(ParameterError) -> GenerationRequest {
        var checked = request
        checked.model = model.id.path

        let family = model.family
        if request.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ParameterError(.prompt, family: family, value: "", allowed: "type what the picture should show")
        }
        try checkText(.prompt, request.prompt, family: family)
        try checkText(.negativePrompt, request.negativePrompt ?? "", family: family)
        if !model.modes.contains(request.mode.kind) {
            throw ParameterError(
                .mode, family: family, value: request.mode.kind.rawValue,
                allowed: "\(model.id.name) offers " + model.modes.map(\.rawValue).joined(separator: ", ")
            )
        }
        if let negative = request.negativePrompt, !negative.isEmpty, !model.acceptsNegativePrompt {
            throw ParameterError(
                .negativePrompt, family: family, value: quoted(negative),
                allowed: "\(model.id.name) takes no negative prompt"
            )
        }
        checked.shape = try validShape(request.shape ?? inputPictureSize(request.mode, for: model), for: model, mode: request.mode.kind)
        checked.cfgScale = try checkedValue(.guidance, request.cfgScale, default: model.guidance.defaultValue, for: model)
        checked.steps = try checkedValue(.steps, request.steps.map(Double.init), default: Double(model.steps.defaultValue), for: model)
            .map { Int($0) }
        checked.sampler = try validSampler(request.sampler, for: model)
        checked.options = try validOptions(request.options, for: model, mode: request.mode.kind)

        if !(0...maxSeed).contains(request.seed) {
            throw ParameterError(.seed, family: family, value: "\(request.seed)", allowed: "0 (random) to \(maxSeed)")
        }
        try check(.samples, Double(request.samples), for: model)
        try check(.jpegQuality, request.jpegQuality.map(Double.init), for: model)
        try validateMode(request.mode, for: model)
        return checked
    }

    /// A prompt is text of bounded length: a NUL would cut it short in C strings and SQLite's text functions.
    private static func checkText(_ parameter: RequestParameter, _ text: String, family: ModelFamily) throws(ParameterError) {
        if let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: nul) + 1
            throw ParameterError(
                parameter, family: family, value: "with a NUL character (character \(position))",
                allowed: "remove it; a prompt is text without NUL characters")
        }
        // No text of fewer bytes than the limit has more characters: count only the few that might.
        guard text.utf8.count > maxPromptCharacters else { return }
        let count = text.count
        if count > maxPromptCharacters {
            throw ParameterError(
                parameter, family: family, value: "of \(count.groupedThousands) characters",
                allowed: "at most \(maxPromptCharacters.groupedThousands) characters")
        }
    }

    /// nil only for an edit with no aspect ratio named: Kontext keeps the picture's own.
    private static func validShape(
        _ shape: ImageShape?, for model: ModelCapabilities, mode: GenerationModeKind
    ) throws(ParameterError) -> ImageShape? {
        switch (shape, model.takesAspectRatio) {
        case (nil, _):
            return mode == .edit ? nil : model.defaultShape
        case (.size(let size), false):
            guard model.sizes.contains(size) else {
                throw ParameterError(
                    .size, family: model.family, value: "\(size)",
                    allowed: "\(model.id.name) offers " + model.sizes.map(\.description).joined(separator: ", ")
                )
            }
            return .size(size)
        case (.aspectRatio(let ratio), true):
            guard model.aspectRatios.contains(ratio) else {
                throw ParameterError(
                    .aspectRatio, family: model.family, value: ratio,
                    allowed: "\(model.id.name) offers " + model.aspectRatios.joined(separator: ", ")
                )
            }
            return .aspectRatio(ratio)
        case (.size(let size), true):
            throw ParameterError(
                .size, family: model.family, value: "\(size)",
                allowed: "\(model.id.name) takes an aspect ratio instead: " + model.aspectRatios.joined(separator: ", ")
            )
        case (.aspectRatio(let ratio), false):
            throw ParameterError(
                .aspectRatio, family: model.family, value: ratio,
                allowed: "\(model.id.name) takes a size instead: " + model.sizes.map(\.description).joined(separator: ", ")
            )
        }
    }

    /// Image to image and ControlNet with no size named: the input picture's size when the model makes it,
    /// as Fireworks answers then, so the size sent matches the picture that comes back.
    private static func inputPictureSize(_ mode: GenerationMode, for model: ModelCapabilities) -> ImageShape? {
        let input: InputImage
        switch mode {
        case .textToImage, .edit: return nil
        case .imageToImage(let initImage): input = initImage.image
        case .controlNet(let settings): input = settings.image
        }
        guard let format = ImageCodec.sniffFormat(input.data),
              let size = try? ImageInspector.inspect(input.data, as: format, source: input.fileName),
              model.sizes.contains(size)
        else { return nil }
        return .size(size)
    }

    /// Throws the error that names the parameter and its range when `model` does not allow `value` (nil: the default).
    private static func check(
        _ parameter: RequestParameter, _ value: Double?, for model: ModelCapabilities, mode: GenerationModeKind = .textToImage
    ) throws(ParameterError) {
        guard let value, let range = parameter.range(for: model, mode: mode), !range.contains(value) else { return }
        let allowed = mode == .edit && range != parameter.range(for: model) ? range.text + " when editing a picture" : range.text
        throw ParameterError(parameter, family: model.family, value: format(value), allowed: allowed)
    }

    /// The value checked, or the model's default; nil for a model that does not take the parameter (which
    /// refuses a value given for it).
    private static func checkedValue(
        _ parameter: RequestParameter, _ value: Double?, default defaultValue: Double, for model: ModelCapabilities
    ) throws(ParameterError) -> Double? {
        guard model.takes(parameter) else {
            if let value { throw notTaken(parameter, format(value), by: model) }
            return nil
        }
        try check(parameter, value, for: model)
        return value ?? defaultValue
    }

    private static func notTaken(_ parameter: RequestParameter, _ value: String, by model: ModelCapabilities) -> ParameterError {
        ParameterError(parameter, family: model.family, value: value, allowed: "\(model.id.name) takes no \(parameter.name(for: model.family))")
    }

    /// Each option the model takes, checked (type and range) or set to its default; an option it does not
    /// take is refused.
    private static func validOptions(
        _ options: ModelOptions, for model: ModelCapabilities, mode: GenerationModeKind
    ) throws(ParameterError) -> ModelOptions {
        var checked = ModelOptions()
        for parameter in RequestParameter.options {
            guard let value = options[parameter] else {
                checked[parameter] = parameter.defaultValue(for: model)
                continue
            }
            guard model.takes(parameter) else { throw notTaken(parameter, value.formText, by: model) }
            switch (parameter.optionKind, value) {
            case (.integer, .integer(let number)): try check(parameter, Double(number), for: model, mode: mode)
            case (.flag, .flag): break
            default:
                throw ParameterError(
                    parameter, family: model.family, value: value.formText,
                    allowed: parameter.optionKind == .flag ? "true or false" : "a whole number"
                )
            }
            checked[parameter] = value
        }
        return checked
    }

    private static func validSampler(_ sampler: Sampler?, for model: ModelCapabilities) throws(ParameterError) -> Sampler? {
        guard let sampler else { return model.defaultSampler }
        guard model.samplers.contains(sampler) else {
            let allowed = model.samplers.isEmpty
                ? "\(model.id.name) has no sampler choice"
                : "one of " + model.samplers.map(\.rawValue).joined(separator: ", ")
            throw ParameterError(.sampler, family: model.family, value: sampler.rawValue, allowed: allowed)
        }
        return sampler
    }

    private static func validateMode(_ mode: GenerationMode, for model: ModelCapabilities) throws(ParameterError) {
        switch mode {
        case .textToImage, .edit:
            return
        case .imageToImage(let initImage):
            switch initImage.schedule {
            case .imageStrength(let strength):
                try check(.imageStrength, strength, for: model)
            case .stepSchedule(let start, let end):
                try check(.scheduleStart, start, for: model)
                try check(.scheduleEnd, end, for: model)
                if start > end {
                    throw ParameterError(
                        .stepSchedule, family: model.family, value: "\(format(start)):\(format(end))",
                        allowed: "START:END with START no greater than END"
                    )
                }
            }
        case .controlNet(let settings):
            if settings.netName.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ParameterError(.controlNet, family: model.family, value: "", allowed: "name the ControlNet to use, e.g. canny")
            }
            try check(.conditioningScale, settings.conditioningScale, for: model)
            try check(.scheduleStart, settings.stepScheduleStart, for: model)
            try check(.scheduleEnd, settings.stepScheduleEnd, for: model)
        }
    }

    /// `7` rather than `7.0`, `0.65` as typed.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func quoted(_ text: String) -> String { "\"\(text.prefix(40))\"" }
}
