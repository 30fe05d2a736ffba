/// Which backend makes the pictures, as `--backend` and config.toml's `backend` name it.
public enum BackendKind: String, Sendable, CaseIterable {
    /// Fireworks when a key is set, else the offline engine.
    case auto
    case local
    case fireworks

    /// The provider this kind runs models on, once `auto` is decided by whether a key is set.
    public func provider(hasKey: Bool) -> ModelProvider {
        switch self {
        case .auto: hasKey ? .fireworks : .local
        case .local: .local
        case .fireworks: .fireworks
        }
    }
}
