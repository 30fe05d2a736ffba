import Foundation
import Synchronization
import SparklerCore

/// The offline engine behind the same `ImageBackend` as Fireworks: validated requests in, encoded
/// pictures out. Runs one picture at a time on a thread of its own, so the Swift concurrency pool
/// stays free; cancelling the calling task stops the run at the next step.
public final class LocalEngineBackend: ImageBackend {
    public let name = "local"
    public let generator: ImageGenerator
    private let queue = DispatchQueue(label: "sparkler.engine", qos: .userInitiated)

    public init(model: EngineModel) {
        generator = ImageGenerator(model: model)
    }

    /// Loads the model from where `EngineModelLocator` finds it.
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(model: EngineModel(folder: EngineModelLocator.locate(environment: environment)))
    }

    /// Waits for the network's weights, which load in the background from `init` (the playground draws meanwhile),
    /// and throws what loading them threw: commands that use the engine at once call it to fail before anything else.
    public func waitForWeights() throws {
        _ = try generator.model.network()
    }

    /// What stops the engine from drawing, once its weights have loaded (nil: nothing), in the words every
    /// command uses; for the playground, which draws while they load and must not hold a thread for them.
    public func startProblem() async -> String? {
        do {
            try await generator.model.weightsLoaded()
            return nil
        } catch {
            return Self.cannotStart(error)
        }
    }

    /// The message for an engine that cannot draw.
    public static func cannotStart(_ error: any Error) -> String {
        "The offline engine cannot start: \(error)"
    }

    public func coverage(of prompt: String, model: ModelCapabilities) -> PromptCoverage {
        let encoded = generator.model.tokenizer.encode(prompt)
        return PromptCoverage(unknownWords: encoded.unknown, truncatedWords: encoded.truncated, mappedWords: encoded.mapped)
    }

    public func guide(for model: ModelCapabilities) -> ModelGuide? { generator.model.guide }

    public func generate(
        _ request: GenerationRequest, model: ModelCapabilities,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let plan = try LocalRunPlan(request: request, model: model, nativeSide: generator.model.nativeSize)
        var images: [GeneratedImage] = []
        for (index, settings) in plan.pictures.enumerated() {
            let data = try await run(settings) { step in
                // Steps count across every sample of the request.
                progress(.step((index * settings.steps) + step.step, of: plan.pictures.count * settings.steps, preview: step.preview))
            } finish: { picture in
                try ImageCodec.encode(picture.image.resized(to: plan.outputSize), as: request.format, quality: request.jpegQuality ?? 90)
            }
            images.append(GeneratedImage(
                data: data, format: request.format, size: plan.outputSize, seed: Int(settings.seed), finishReason: .success
            ))
        }
        // Nothing is billed offline.
        return GenerationResult(images: images, timings: GenerationTimings(total: clock.now - started), stepsBilled: 0)
    }

    /// Generates on the engine's thread and finishes there too (upscaling and encoding a large picture
    /// takes long enough to starve the concurrency pool's two threads).
    private func run(
        _ settings: EngineSettings, progress: @escaping @Sendable (EngineProgress) -> Void,
        finish: @escaping @Sendable (EngineOutput) throws -> Data
    ) async throws -> Data {
        let cancelled = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [generator] in
                    continuation.resume(with: Result {
                        try finish(generator.generate(settings, isCancelled: { cancelled.isSet }, progress: progress))
                    })
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }
}

/// Set once, read from the engine's thread.
final class CancellationFlag: Sendable {
    private let flag = Atomic(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
