import Foundation
import SparklerCore

/// A request the validator accepts, every value drawn at random from what the model offers.
public enum RandomRequest {
    public static func make(_ random: inout SeededGenerator) throws -> GenerationRequest {
        let model = ModelCatalogue.builtInModels.randomElement(using: &random)!
        var request = GenerationRequest(
            model: model.id.path, prompt: ["a red fox", "a lighthouse at dusk", "two blue circles"].randomElement(using: &random)!,
            seed: Int.random(in: 0...RequestValidator.maxSeed, using: &random),
            samples: Int.random(in: 1...model.maxSamples, using: &random),
            format: ImageFormat.allCases.randomElement(using: &random)!
        )
        if model.takes(.guidance) {
            request.cfgScale = Double(Int.random(in: 0...Int(model.guidance.upperBound * 2), using: &random)) / 2
        }
        if model.takes(.steps) {
            request.steps = Int.random(in: model.steps.lowerBound...model.steps.upperBound, using: &random)
        }
        request.shape = model.takesAspectRatio
            ? .aspectRatio(model.aspectRatios.randomElement(using: &random)!)
            : .size(model.sizes.randomElement(using: &random)!)
        if model.family == .stableDiffusion {
            if Bool.random(using: &random) { request.negativePrompt = "blurry" }
            request.sampler = Bool.random(using: &random) ? model.samplers.randomElement(using: &random) : nil
            request.safetyCheck = Bool.random(using: &random)
            if Bool.random(using: &random) { request.stylePreset = "photographic" }
            if Bool.random(using: &random) {
                request.loraAdapterName = "my-adapter"
                request.loraWeightFilename = "weights.safetensors"
            }
        }
        if request.format == .jpeg, Bool.random(using: &random) {
            request.jpegQuality = Int.random(in: 0...100, using: &random)
        }
        let image = InputImage(data: try smallPNG(gray: UInt8.random(in: 0...255, using: &random)), fileName: "start-\(random.next() % 100).png")
        let mode = model.modes.randomElement(using: &random)!
        for parameter in RequestParameter.options where model.takes(parameter) && Bool.random(using: &random) {
            switch parameter.optionKind {
            case .integer:
                let range = parameter.range(for: model, mode: mode)!
                request.options[parameter] = .integer(Int.random(in: Int(range.lower)...Int(range.upper), using: &random))
            case .flag:
                request.options[parameter] = .flag(Bool.random(using: &random))
            case nil:
                break
            }
        }
        switch mode {
        case .textToImage:
            break
        case .edit:
            request.mode = .edit(image)
        case .imageToImage:
            let schedule: InitImageSchedule = Bool.random(using: &random)
                ? .imageStrength(fraction(&random))
                : .stepSchedule(start: 0.25, end: 0.25 + fraction(&random) * 0.75)
            request.mode = .imageToImage(InitImage(image: image, schedule: schedule, cropPadding: Bool.random(using: &random)))
        case .controlNet:
            request.mode = .controlNet(ControlNetSettings(
                image: image, netName: ["canny", "depth"].randomElement(using: &random)!,
                conditioningScale: fraction(&random) * 2, stepScheduleStart: 0, stepScheduleEnd: fraction(&random),
                cropPadding: Bool.random(using: &random)))
        }
        return try RequestValidator.validate(request, for: model)
    }

    /// SD models draw the size asked for; FLUX and Kontext pictures are about a megapixel at the ratio.
    public static func pictureSize(of request: GenerationRequest) -> ImageSize {
        if case .size(let size) = request.shape { return size }
        return ImageSize(width: 1024, height: 1024)
    }

    /// Quarters, so that every value survives decimal text exactly.
    private static func fraction(_ random: inout SeededGenerator) -> Double {
        Double(Int.random(in: 0...4, using: &random)) / 4
    }

    /// A 2x2 grey PNG: an input image the history can store.
    private static func smallPNG(gray: UInt8) throws -> Data {
        guard let image = RGBAImage(width: 2, height: 2, red: gray, green: gray, blue: gray) else {
            throw CocoaError(.coderInvalidValue)
        }
        return try ImageCodec.encode(image, as: .png)
    }
}
