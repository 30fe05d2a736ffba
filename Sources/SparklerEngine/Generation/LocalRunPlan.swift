import SparklerCore

/// A request turned into the engine's settings: one per sample (sample i uses seed + i, so each picture
/// can be remade alone), the canvas the network draws at and the size the pictures are upscaled to.
struct LocalRunPlan {
    var pictures: [EngineSettings]
    var outputSize: ImageSize

    init(request: GenerationRequest, model: ModelCapabilities, nativeSide: Int) throws {
        guard case .size(let size) = request.shape ?? model.defaultShape else {
            throw LocalEngineError.unsupported("the offline engine takes pixel sizes, not aspect ratios")
        }
        var initImage: RGBAImage?
        var initSchedule = InitImageSchedule.imageStrength(0.35)
        switch request.mode {
        case .textToImage:
            break
        case .imageToImage(let start):
            do {
                initImage = try ImageCodec.decode(start.image.data)
            } catch {
                throw LocalEngineError.unreadableInitImage("\(start.image.fileName): \(error)")
            }
            initSchedule = start.schedule
        case .controlNet:
            throw LocalEngineError.unsupported("the offline engine has no ControlNet; use text to image or image to image")
        case .edit:
            throw LocalEngineError.unsupported("the offline engine cannot edit by instruction; use image to image")
        }
        let seed = request.seed == 0 ? Int.random(in: 1...RequestValidator.maxSeed) : request.seed
        let canvas = EngineCanvas.size(for: size, nativeSide: nativeSide)
        outputSize = size
        pictures = (0..<request.samples).map { index in
            EngineSettings(
                prompt: request.prompt, negativePrompt: request.negativePrompt ?? "", canvas: canvas,
                steps: request.steps ?? model.steps.defaultValue, guidance: request.cfgScale ?? model.guidance.defaultValue,
                sampler: request.sampler ?? model.defaultSampler ?? .ddim,
                // Wrap past the largest seed rather than overflow it.
                seed: UInt64((seed - 1 + index) % RequestValidator.maxSeed + 1),
                initImage: initImage, initSchedule: initSchedule
            )
        }
    }
}

public enum LocalEngineError: Error, Equatable, CustomStringConvertible {
    case unsupported(String)
    case unreadableInitImage(String)

    public var description: String {
        switch self {
        case .unsupported(let what): what.prefix(1).uppercased() + what.dropFirst() + "."
        case .unreadableInitImage(let what): "The init image cannot be read: \(what)."
        }
    }
}
