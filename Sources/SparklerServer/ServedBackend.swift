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
        // An edit by instruction is the engine's image to image, at the picture's own shape unless one is named.
        if case .edit(let picture) = request.mode {
            sized.mode = .imageToImage(InitImage(image: picture, schedule: .imageStrength(KontextEndpoint.editStrength)))
            if sized.shape == nil, let size = try? ImageInspector.inspect(picture.data, as: ImageCodec.sniffFormat(picture.data) ?? .png) {
                sized.shape = .aspectRatio("\(size.width):\(size.height)")
            }
        }
        // Models with no steps or guidance to set (Kontext) draw with the engine's own defaults.
        if !model.takes(.steps) { sized.steps = ModelCapabilities.sparklerTiny.steps.defaultValue }
        if !model.takes(.guidance) { sized.cfgScale = ModelCapabilities.sparklerTiny.guidance.defaultValue }
        if case .aspectRatio(let ratio) = sized.shape {
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
