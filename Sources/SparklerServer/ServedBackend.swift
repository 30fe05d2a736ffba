import Synchronization
import SparklerCore
import SparklerEngine

/// The engine as `sparkler serve` runs it for one request: history records the backend as `served`,
/// FLUX aspect ratios become the pixel sizes the engine draws, and the pictures are kept for the answer
/// (`GenerationService` returns history rows, whose stored copies carry embedded provenance).
final class ServedBackend: ImageBackend {
    let name = "served"
    private let engine: any ImageBackend
    private let delivered = Mutex<GenerationResult?>(nil)

    init(engine: any ImageBackend) {
        self.engine = engine
    }

    /// What the last `generate` returned, as the engine made it.
    var result: GenerationResult? { delivered.withLock { $0 } }

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
        let result = try await engine.generate(sized, model: model, progress: progress)
        delivered.withLock { $0 = result }
        return result
    }

    func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage {
        engine.coverage(of: prompt, model: model)
    }
}
