import SparklerCore

/// Runs one picture through the engine: encode the captions, start from seeded noise (or a noised init
/// image), sample, and turn the result into pixels. Synchronous; `isCancelled` is polled at every step.
public struct ImageGenerator: Sendable {
    public let model: EngineModel
    public let schedule: NoiseSchedule

    public init(model: EngineModel, schedule: NoiseSchedule = .cosine) {
        self.model = model
        self.schedule = schedule
    }

    public func generate(
        _ settings: EngineSettings, isCancelled: @escaping () -> Bool = { false },
        progress: (EngineProgress) -> Void = { _ in }
    ) throws -> EngineOutput {
        let (width, height) = (settings.canvas.width, settings.canvas.height)
        let prompt = model.tokenizer.encode(settings.prompt)
        let negative = settings.negativePrompt.isEmpty
            ? model.tokenizer.emptyCaption : model.tokenizer.encode(settings.negativePrompt).ids
        let denoiser = GuidedDenoiser(
            network: try model.network(), conditional: prompt.ids, unconditional: negative, guidance: settings.guidance,
            height: height, width: width, isCancelled: isCancelled
        )
        var noise = GaussianNoise(seed: settings.seed)
        let fullSchedule = schedule.levels(for: settings.sampler, steps: settings.steps)
        let start = noise.next(3 * height * width)
        let levels: [NoiseLevel]
        let x: [Float]
        if let initImage = settings.initImage {
            levels = settings.initSchedule.levels(slicing: fullSchedule)
            let clean = PixelConversion.modelSpace(initImage.resized(to: settings.canvas))
            x = zip(clean, start).map { $0 + Float(levels[0].sigma) * $1 }
        } else {
            levels = fullSchedule
            x = start.map { $0 * Float(levels[0].sigma) }
        }
        let result = try DiffusionSampler(settings.sampler, schedule: schedule).sample(
            from: x, levels: levels, denoiser: denoiser, noise: &noise
        ) { step in
            progress(EngineProgress(
                step: step.index + 1, steps: step.count,
                preview: PixelConversion.image(step.denoised, width: width, height: height)
            ))
        }
        return EngineOutput(
            image: PixelConversion.image(result, width: width, height: height),
            prompt: prompt, networkEvaluations: denoiser.networkEvaluations
        )
    }
}

/// Between RGBA pixels and the model's planar [-1, 1] RGB.
enum PixelConversion {
    static func modelSpace(_ image: RGBAImage) -> [Float] {
        let pixels = image.width * image.height
        var values = [Float](repeating: 0, count: 3 * pixels)
        for p in 0..<pixels {
            for c in 0..<3 { values[c * pixels + p] = Float(image.pixels[4 * p + c]) / 127.5 - 1 }
        }
        return values
    }

    /// pixels = clamp((x + 1) / 2, 0, 1), rounded to 8 bits; opaque.
    static func image(_ values: [Float], width: Int, height: Int) -> RGBAImage {
        let pixels = width * height
        var bytes = [UInt8](repeating: 255, count: 4 * pixels)
        for p in 0..<pixels {
            for c in 0..<3 {
                let unit = min(max((values[c * pixels + p] + 1) / 2, 0), 1)
                bytes[4 * p + c] = UInt8((unit * 255).rounded())
            }
        }
        return RGBAImage(width: width, height: height, pixels: bytes)!
    }
}
