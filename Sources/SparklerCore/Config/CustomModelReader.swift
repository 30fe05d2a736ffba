import TOMLKit

/// Reads one `[[models]]` entry: a model the user adds, or a built-in one whose capabilities they change.
///
/// An entry starts from the built-in model with the same id, else from its family's template,
/// and overrides only the keys it names.
struct CustomModelReader {
    let reader: ConfigReader
    let table: TOMLTable
    let path: String

    static let keys: Set<String> = [
        "id", "name", "family", "modes", "sizes", "aspect_ratios", "samplers", "default_sampler",
        "cfg_min", "cfg_max", "cfg_default", "steps_min", "steps_max", "steps_default",
        "max_samples", "negative_prompt",
    ]

    func read() throws(ConfigError) -> ModelCapabilities {
        try reader.requireKnownKeys(table, path: path, known: Self.keys)
        guard let idText = try reader.string(table, "id", path: path) else {
            throw reader.error(at: path, "each [[models]] entry needs an id, e.g. id = \"accounts/me/models/my-sdxl\"")
        }
        guard let id = ModelID(parsing: idText) else {
            throw reader.error(at: "\(path).id", "id must be a model name or accounts/ACCOUNT/models/MODEL, not \"\(idText)\"")
        }
        var model = try template(for: id)
        if let name = try reader.string(table, "name", path: path) { model.displayName = name }
        if let modes = try reader.strings(table, "modes", path: path) {
            let offered = model.family.modes
            model.modes = try modes.map { (text) throws(ConfigError) in
                guard let mode = GenerationModeKind(rawValue: text), offered.contains(mode) else {
                    throw invalid("modes", text, allowed: offered.map(\.rawValue))
                }
                return mode
            }
        }
        if let sizes = try reader.strings(table, "sizes", path: path) {
            model.sizes = try sizes.map { (text) throws(ConfigError) in
                guard let size = ImageSize(parsing: text) else {
                    throw reader.error(at: "\(path).sizes", "sizes are written WIDTHxHEIGHT, e.g. \"1024x1024\", not \"\(text)\"")
                }
                return size
            }
            if let first = model.sizes.first, case .size(let current) = model.defaultShape, !model.sizes.contains(current) {
                model.defaultShape = .size(first)
            }
        }
        if let ratios = try reader.strings(table, "aspect_ratios", path: path) { model.aspectRatios = ratios }
        if let samplers = try reader.strings(table, "samplers", path: path) {
            model.samplers = try samplers.map { (text) throws(ConfigError) in try sampler(text, key: "samplers") }
        }
        if let text = try reader.string(table, "default_sampler", path: path) {
            model.defaultSampler = try sampler(text, key: "default_sampler")
        }
        model.guidance = try range(
            "cfg", min: reader.number(table, "cfg_min", path: path), max: reader.number(table, "cfg_max", path: path),
            default: reader.number(table, "cfg_default", path: path), base: model.guidance
        )
        model.steps = try range(
            "steps", min: reader.int(table, "steps_min", path: path), max: reader.int(table, "steps_max", path: path),
            default: reader.int(table, "steps_default", path: path), base: model.steps
        )
        if model.steps.lowerBound < 1 {
            throw reader.error(at: "\(path).steps_min", "steps_min must be at least 1")
        }
        if let samples = try reader.int(table, "max_samples", path: path) { model.maxSamples = samples }
        if let negative = try reader.bool(table, "negative_prompt", path: path) { model.acceptsNegativePrompt = negative }
        try checkConsistency(model)
        return model
    }

    private func template(for id: ModelID) throws(ConfigError) -> ModelCapabilities {
        if let builtIn = ModelCatalogue.fireworksModels.first(where: { $0.id == id }) { return builtIn }
        let familyText = try reader.string(table, "family", path: path) ?? ModelFamily.stableDiffusion.rawValue
        switch ModelFamily(rawValue: familyText) {
        case .stableDiffusion: return .stableDiffusionXL(id, displayName: id.name, cfgDefault: 7)
        case .flux: return .flux(id, displayName: id.name, stepsDefault: 4)
        case .kontext: return .kontext(id, displayName: id.name)
        case nil: throw invalid("family", familyText, allowed: ["sd", "flux", "kontext"])
        }
    }

    private func sampler(_ text: String, key: String) throws(ConfigError) -> Sampler {
        guard let sampler = Sampler(userValue: text) else {
            throw invalid(key, text, allowed: Sampler.allCases.map(\.rawValue))
        }
        return sampler
    }

    private func checkConsistency(_ model: ModelCapabilities) throws(ConfigError) {
        if model.maxSamples < 1 {
            throw reader.error(at: "\(path).max_samples", "max_samples must be at least 1")
        }
        if model.family == .stableDiffusion && model.sizes.isEmpty {
            throw reader.error(at: "\(path).sizes", "sizes must list at least one size")
        }
    }

    /// Overrides a range's bounds and default, checking that they still make a range around the default.
    private func range<Value>(
        _ name: String, min: Value?, max: Value?, default defaultValue: Value?, base: ParameterRange<Value>
    ) throws(ConfigError) -> ParameterRange<Value> {
        let lower = min ?? base.lowerBound
        let upper = max ?? base.upperBound
        let value = defaultValue ?? base.defaultValue
        guard lower <= value, value <= upper else {
            throw reader.error(at: path, "\(name)_default must lie between \(name)_min and \(name)_max")
        }
        return ParameterRange(lower...upper, default: value)
    }

    private func invalid(_ key: String, _ value: String, allowed: [String]) -> ConfigError {
        reader.error(at: "\(path).\(key)", "\(key) cannot be \"\(value)\"; use one of \(allowed.joined(separator: ", "))")
    }
}
