import ArgumentParser
import Foundation
import SparklerCore

/// The parameters every command that makes pictures shares (`generate`, `compare`): each option's name and
/// help come from the schema (`RequestParameter.cliName`, `help`).
struct GenerationOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(RequestParameter.prompt.help))
    var prompt: String

    @Option(name: .customLong(RequestParameter.negativePrompt.cliName), help: ArgumentHelp(RequestParameter.negativePrompt.help))
    var negative: String?

    @Option(name: .long, help: "Model name or accounts/ACCOUNT/models/MODEL (default: Playground v2 1024 with a Fireworks key, sparkler-tiny offline, or `model` in config.toml).", completion: CompletionValues.models)
    var model: String?

    @Option(name: .customLong(RequestParameter.size.cliName), help: ArgumentHelp(RequestParameter.size.help), completion: CompletionValues.sizes)
    var size: String?

    @Option(name: .customLong(RequestParameter.aspectRatio.cliName), help: ArgumentHelp(RequestParameter.aspectRatio.help), completion: CompletionValues.aspectRatios)
    var aspectRatio: String?

    @Option(name: .customLong(RequestParameter.guidance.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.guidance.help))
    var cfg: Double?

    @Option(name: .customLong(RequestParameter.steps.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.steps.help))
    var steps: Int?

    @Option(name: .customLong(RequestParameter.seed.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.seed.help))
    var seed: Int = 0

    @Option(name: .customLong(RequestParameter.sampler.cliName), help: ArgumentHelp(RequestParameter.sampler.help), completion: CompletionValues.samplers)
    var sampler: String?

    @Option(name: .customLong(RequestParameter.format.cliName), help: ArgumentHelp(RequestParameter.format.help), completion: CompletionValues.formats)
    var format: String?

    @Option(name: .customLong(RequestParameter.jpegQuality.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.jpegQuality.help))
    var jpegQuality: Int?

    @Flag(name: .customLong(RequestParameter.safetyCheck.cliName), help: ArgumentHelp(RequestParameter.safetyCheck.help))
    var safetyCheck = false

    @Option(name: .customLong(RequestParameter.initImage.cliName), help: ArgumentHelp(RequestParameter.initImage.help), completion: CompletionValues.pictures)
    var initImage: String?

    @Option(name: .customLong(RequestParameter.imageStrength.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.imageStrength.help))
    var strength: Double?

    @Option(name: .customLong(RequestParameter.stepSchedule.cliName), help: ArgumentHelp(RequestParameter.stepSchedule.help))
    var schedule: String?

    @Option(name: .customLong(RequestParameter.controlImage.cliName), help: ArgumentHelp(RequestParameter.controlImage.help), completion: CompletionValues.pictures)
    var controlImage: String?

    @Option(name: .customLong(RequestParameter.controlNet.cliName), help: ArgumentHelp(RequestParameter.controlNet.help))
    var controlNet: String?

    @Option(name: .customLong(RequestParameter.conditioningScale.cliName), parsing: .unconditional, help: ArgumentHelp(RequestParameter.conditioningScale.help))
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
