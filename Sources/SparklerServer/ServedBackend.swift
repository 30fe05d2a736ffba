import SparklerCore
import SparklerEngine

/// The engine as `sparkler serve` runs it: history records the backend as `served`, and FLUX aspect
/// ratios become the pixel sizes the engine draws.
struct ServedBackend: ImageBackend {
    let name = "served"
    private let engine: any ImageBackend

    init(engine: any ImageBackend) {
        self.engine = engine
    }

    func generate(
        _ request: GenerationRequest, model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        var sized = request
        if case .aspectRatio(let ratio) = request.shape {
            guard let size = AspectRatioSizes.size(for: ratio) else {
                throw LocalEngineError.unsupported("the offline engine cannot draw aspect ratio \(ratio), which is not W:H")
            }
            sized.shape = .size(size)
        }
        return try await engine.generate(sized, model: model, progress: progress)
    }

    func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage {
        engine.coverage(of: prompt, model: model)
    }
}
