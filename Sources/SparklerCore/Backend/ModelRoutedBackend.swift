/// Sends each request to the backend of its model's provider: one session can use Fireworks' models
/// and the offline engine side by side.
public struct ModelRoutedBackend: ImageBackend {
    public let backends: [ModelProvider: any ImageBackend]

    public init(_ backends: [ModelProvider: any ImageBackend]) {
        self.backends = backends
    }

    public var name: String {
        backends.values.map(\.name).sorted().joined(separator: " + ")
    }

    public func name(for model: ModelCapabilities) -> String {
        backends[model.provider]?.name ?? model.provider.rawValue
    }

    public func generate(
        _ request: GenerationRequest, model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        guard let backend = backends[model.provider] else { throw UnavailableProvider(model: model) }
        return try await backend.generate(request, model: model, progress: progress)
    }

    public func bills(for model: ModelCapabilities) -> Bool {
        backends[model.provider]?.bills(for: model) ?? false
    }

    public func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage {
        backends[model.provider]?.coverage(of: prompt, model: model) ?? PromptCoverage()
    }

    public func guide(for model: ModelCapabilities) -> ModelGuide? {
        backends[model.provider]?.guide(for: model)
    }

    public func shutdown() async {
        for backend in backends.values { await backend.shutdown() }
    }

    /// A model whose provider has no backend in this session (Fireworks without a key).
    public struct UnavailableProvider: Error, CustomStringConvertible {
        public let model: ModelCapabilities

        public var description: String {
            switch model.provider {
            case .fireworks: "\(model.id.name) runs on Fireworks, and no Fireworks API key is set: export FIREWORKS_API_KEY=fw_... and start again."
            case .local: "\(model.id.name) runs on the offline engine, which is not loaded in this session."
            }
        }
    }
}
