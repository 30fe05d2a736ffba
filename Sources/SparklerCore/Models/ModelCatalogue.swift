/// The models Sparkler knows: Fireworks' serverless image models plus any the user adds in the config.
public struct ModelCatalogue: Sendable {
    public static let defaultModelID = "accounts/fireworks/models/playground-v2-1024px-aesthetic"

    public static let fireworksModels: [ModelCapabilities] = [
        // Playground's own API defaults to guidance 3 for Playground v2; SDXL's usual default is 7.
        .stableDiffusionXL(fireworks("playground-v2-1024px-aesthetic"), displayName: "Playground v2 1024", cfgDefault: 3).shortened("Playground v2"),
        .stableDiffusionXL(fireworks("playground-v2-5-1024px-aesthetic"), displayName: "Playground v2.5 1024", cfgDefault: 3).shortened("Playground v2.5"),
        .stableDiffusionXL(fireworks("stable-diffusion-xl-1024-v1-0"), displayName: "Stable Diffusion XL", cfgDefault: 7).shortened("SDXL 1.0"),
        .stableDiffusionXL(fireworks("SSD-1B"), displayName: "Segmind SSD-1B", cfgDefault: 7),
        .stableDiffusionXL(fireworks("japanese-stable-diffusion-xl"), displayName: "Japanese SDXL", cfgDefault: 7),
        .flux(fireworks("flux-1-schnell-fp8"), displayName: "FLUX.1 [schnell]", stepsDefault: 4).shortened("FLUX schnell"),
        .flux(fireworks("flux-1-dev-fp8"), displayName: "FLUX.1 [dev]", stepsDefault: 28),
        .kontext(fireworks("flux-kontext-pro"), displayName: "FLUX.1 Kontext Pro").shortened("Kontext Pro"),
        .kontext(fireworks("flux-kontext-max"), displayName: "FLUX.1 Kontext Max").shortened("Kontext Max"),
    ]

    public static let builtInModels = fireworksModels + [.sparklerTiny]

    public private(set) var models: [ModelCapabilities]

    /// Built-in models first; a configured model with the same id replaces the built-in one.
    public init(adding configured: [ModelCapabilities] = []) {
        var models = Self.builtInModels
        for model in configured {
            if let index = models.firstIndex(where: { $0.id == model.id }) {
                models[index] = model
            } else {
                models.append(model)
            }
        }
        self.models = models
    }

    private init(models: [ModelCapabilities]) {
        self.models = models
    }

    /// Only the models that run on `providers`: what a session without a Fireworks key can offer.
    public func restricted(to providers: Set<ModelProvider>) -> ModelCatalogue {
        ModelCatalogue(models: models.filter { providers.contains($0.provider) })
    }

    /// Finds a model by its short name or its full `accounts/A/models/M` path.
    public func model(named text: String) -> ModelCapabilities? {
        guard let id = ModelID(parsing: text) else { return nil }
        if let exact = models.first(where: { $0.id == id }) { return exact }
        // A short name means a Fireworks model first, then any account's model of that name (sparkler-tiny).
        return text.contains("/") ? nil : models.first { $0.id.name == text }
    }

    /// Like `model(named:)`, with a message that lists the known models when nothing matches.
    public func resolve(_ text: String) throws(ParameterError) -> ModelCapabilities {
        if let model = model(named: text) { return model }
        throw ParameterError(
            field: "model", value: text,
            allowed: "one of " + models.map(\.id.name).joined(separator: ", ")
                + " (add others under [models] in config.toml)"
        )
    }

    private static func fireworks(_ name: String) -> ModelID { ModelID(account: "fireworks", name: name) }
}
