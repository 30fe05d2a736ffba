import ArgumentParser
import Foundation
import SparklerCore

/// The parameters every command that makes pictures shares (`generate`, later `compare`).
struct GenerationOptions: ParsableArguments {
    @Argument(help: "What the picture should show.")
    var prompt: String

    @Option(name: .long, help: "What the picture should not show.")
    var negative: String?

    @Option(name: .long, help: "Model name or accounts/ACCOUNT/models/MODEL (default: Playground v2 1024 with a Fireworks key, sparkler-tiny offline, or `model` in config.toml).", completion: CompletionValues.models)
    var model: String?

    @Option(name: .long, help: "Picture size WIDTHxHEIGHT, one of the model's sizes (e.g. 1024x1024).", completion: CompletionValues.sizes)
    var size: String?

    @Option(name: .long, help: "Aspect ratio, for models that take one instead of a size (e.g. 16:9).", completion: CompletionValues.aspectRatios)
    var aspectRatio: String?

    @Option(name: .long, parsing: .unconditional, help: "Classifier-free guidance: how closely to follow the prompt.")
    var cfg: Double?

    @Option(name: .long, parsing: .unconditional, help: "Denoising steps; Fireworks bills per step.")
    var steps: Int?

    @Option(name: .long, parsing: .unconditional, help: "Seed; 0 picks a random one and reports it.")
    var seed: Int = 0

    @Option(name: .long, help: "Sampler, e.g. K_DPMPP_2M or dpmpp_2m.", completion: CompletionValues.samplers)
    var sampler: String?

    @Option(name: .long, help: "jpg or png (default: from -o's extension, else jpg).", completion: CompletionValues.formats)
    var format: String?

    @Option(name: .long, parsing: .unconditional, help: "JPEG quality 0-100, sent as the Jpeg-Quality header.")
    var jpegQuality: Int?

    @Flag(name: .long, help: "Ask the server to filter unsafe pictures.")
    var safetyCheck = false

    @Option(name: .long, help: "Start from this image (image to image); for FLUX Kontext, the picture to edit as the prompt says.", completion: CompletionValues.pictures)
    var initImage: String?

    @Option(name: .long, parsing: .unconditional, help: "With --init-image: how much of it to keep, 0-1 (IMAGE_STRENGTH).")
    var strength: Double?

    @Option(name: .long, help: "With --init-image: START:END fractions of the step schedule (STEP_SCHEDULE).")
    var schedule: String?

    @Option(name: .long, help: "Guide the picture with this control image (ControlNet).", completion: CompletionValues.pictures)
    var controlImage: String?

    @Option(name: .long, help: "With --control-image: the ControlNet to use, e.g. canny.")
    var controlNet: String?

    @Option(name: .long, parsing: .unconditional, help: "With --control-image: how strongly the control image steers, 0-2.")
    var conditioningScale: Double?

    @Argument(parsing: .allUnrecognized, help: ModelOptionArguments.help)
    var modelOptions: [String] = []

    /// The request these options describe for `model`; the format may come from the output path's extension.
    func request(for model: ModelCapabilities, outputPath: String?, samples: Int = 1) throws -> GenerationRequest {
        GenerationRequest(
            model: model.id.path,
            prompt: prompt,
            negativePrompt: negative,
            shape: try shape(),
            cfgScale: cfg,
            steps: steps,
            seed: seed,
            sampler: try parsedSampler(),
            samples: samples,
            format: try imageFormat(outputPath: outputPath),
            jpegQuality: jpegQuality,
            safetyCheck: safetyCheck,
            mode: try mode(for: model),
            options: try ModelOptionArguments.parse(modelOptions)
        )
    }

    private func shape() throws -> ImageShape? {
        switch (size, aspectRatio) {
        case (let size?, nil):
            guard let parsed = ImageSize(parsing: size) else {
                throw ValidationError("--size takes WIDTHxHEIGHT, e.g. 1024x1024, not \(size).")
            }
            return .size(parsed)
        case (nil, let ratio?):
            return .aspectRatio(ratio)
        case (nil, nil):
            return nil
        case (.some, .some):
            throw ValidationError("Give either --size or --aspect-ratio, not both.")
        }
    }

    private func parsedSampler() throws -> Sampler? {
        guard let sampler else { return nil }
        guard let parsed = Sampler(userValue: sampler) else {
            throw ValidationError("Unknown sampler \(sampler); use one of \(Sampler.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return parsed
    }

    private func imageFormat(outputPath: String?) throws -> ImageFormat {
        let fromPath = outputPath.flatMap { ImageFormat(userValue: URL(fileURLWithPath: $0).pathExtension) }
        guard let format else { return fromPath ?? .jpeg }
        guard let parsed = ImageFormat(userValue: format) else {
            throw ValidationError("--format takes jpg or png, not \(format).")
        }
        if let fromPath, fromPath != parsed {
            throw ValidationError("--format \(format) does not match the output file's extension; change one of them.")
        }
        return parsed
    }

    private func mode(for model: ModelCapabilities) throws -> GenerationMode {
        if model.modes.contains(.edit), let initImage {
            // The instruction says what to change: no strength or schedule to give.
            if strength != nil || schedule != nil {
                throw ValidationError("\(model.id.name) edits by instruction: drop --strength and --schedule, the prompt says what to change.")
            }
            guard controlImage == nil else { throw ValidationError("\(model.id.name) takes no --control-image.") }
            return .edit(try readImage(initImage, option: "--init-image"))
        }
        switch (initImage, controlImage) {
        case (nil, nil):
            if strength != nil || schedule != nil {
                throw ValidationError("--strength and --schedule need --init-image.")
            }
            if controlNet != nil || conditioningScale != nil {
                throw ValidationError("--control-net and --conditioning-scale need --control-image.")
            }
            return .textToImage
        case (let path?, nil):
            return .imageToImage(InitImage(image: try readImage(path, option: "--init-image"), schedule: try initSchedule()))
        case (nil, let path?):
            guard let controlNet else {
                throw ValidationError("--control-image needs --control-net NAME (e.g. canny).")
            }
            var settings = ControlNetSettings(image: try readImage(path, option: "--control-image"), netName: controlNet)
            if let conditioningScale { settings.conditioningScale = conditioningScale }
            return .controlNet(settings)
        case (.some, .some):
            throw ValidationError("Give either --init-image or --control-image, not both.")
        }
    }

    private func initSchedule() throws -> InitImageSchedule {
        switch (strength, schedule) {
        case (let strength?, nil):
            return .imageStrength(strength)
        case (nil, let schedule?):
            let parts = schedule.split(separator: ":")
            guard parts.count == 2, let start = Double(parts[0]), let end = Double(parts[1]) else {
                throw ValidationError("--schedule takes START:END, e.g. 0.65:1, not \(schedule).")
            }
            return .stepSchedule(start: start, end: end)
        case (nil, nil):
            throw ValidationError("--init-image needs --strength X (0-1) or --schedule START:END.")
        case (.some, .some):
            throw ValidationError("Give either --strength or --schedule, not both.")
        }
    }

    private func readImage(_ path: String, option: String) throws -> InputImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(option) \(path): no such file, or it cannot be read.")
        }
        return InputImage(data: data, fileName: URL(fileURLWithPath: path).lastPathComponent)
    }
}
