/// Which backend and model a command runs, decided from `--backend` (or config.toml's `backend`),
/// `--model` (or config.toml's `model`) and whether a Fireworks key is set.
///
/// `auto` follows the model when one is named, else uses Fireworks with a key and the offline engine
/// without one (saying so once). An explicit backend picks its own default model and refuses a model
/// that runs elsewhere.
public struct BackendSelection: Sendable, Equatable {
    public var provider: ModelProvider
    public var model: ModelCapabilities
    /// Said once when the offline engine was chosen because no key is set.
    public var notice: String?

    public static let offlineNotice = "offline engine: set FIREWORKS_API_KEY to use Fireworks"

    public enum Failure: Error, Equatable {
        /// The user's input does not fit together: exit code 2.
        case usage(ParameterError)
        /// Fireworks is needed and no key is set.
        case missingKey(model: String)
    }

    public static func resolve(
        kind: BackendKind, model requested: String?, configuredModel: String?, hasKey: Bool, catalogue: ModelCatalogue
    ) throws(Failure) -> BackendSelection {
        func model(_ name: String) throws(Failure) -> ModelCapabilities {
            do {
                return try catalogue.resolve(name)
            } catch {
                throw .usage(error)
            }
        }
        let provider: ModelProvider
        let chosen: ModelCapabilities
        var notice: String?
        if let requested {
            chosen = try model(requested)
            provider = kind == .auto ? chosen.provider : kind.provider(hasKey: hasKey)
            guard chosen.provider == provider else {
                throw .usage(ParameterError(
                    field: "backend", value: kind.rawValue,
                    allowed: "\(chosen.id.name) runs on the \(chosen.provider.rawValue) backend; drop --backend or pick another model"
                ))
            }
        } else {
            provider = kind.provider(hasKey: hasKey)
            if provider == .local {
                chosen = .sparklerTiny
                notice = kind == .auto ? offlineNotice : nil
            } else {
                let configured = try model(configuredModel ?? ModelCatalogue.defaultModelID)
                // A configured offline model is fine under `auto`; under `fireworks` it is not.
                chosen = configured.provider == .fireworks || kind == .auto ? configured : try model(ModelCatalogue.defaultModelID)
            }
        }
        if chosen.provider == .fireworks && !hasKey { throw .missingKey(model: chosen.id.name) }
        return BackendSelection(provider: chosen.provider, model: chosen, notice: notice)
    }
}
