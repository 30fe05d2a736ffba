import Foundation

/// How a picture was made. Sparkler embeds it in every image it stores, so an exported file
/// carries its own parameters and can be imported, or run again, elsewhere.
public struct ImageProvenance: Codable, Sendable, Equatable {
    public var prompt: String
    public var negativePrompt: String?
    /// The full `accounts/A/models/M` path.
    public var model: String
    /// `fireworks`, `local`.
    public var backend: String
    public var mode: GenerationModeKind
    /// The picture's size in pixels.
    public var size: ImageSize?
    /// The aspect ratio asked for, for models that take one instead of a size.
    public var aspectRatio: String?
    public var cfgScale: Double?
    public var steps: Int?
    public var sampler: Sampler?
    /// The seed that made this picture.
    public var seed: Int
    public var format: ImageFormat
    public var jpegQuality: Int?
    public var safetyCheck: Bool?
    public var stylePreset: String?
    public var loraAdapterName: String?
    public var loraWeightFilename: String?
    public var initImageMode: InitImageSchedule.Kind?
    public var imageStrength: Double?
    /// The step schedule of an image-to-image or ControlNet request.
    public var scheduleStart: Double?
    public var scheduleEnd: Double?
    public var cropPadding: Bool?
    public var controlNetName: String?
    public var conditioningScale: Double?
    /// The init or control image's content hash: the history that made the picture still holds it.
    public var inputImageHash: String?
    /// Its file extension in that history (`png`, `jpg` ...).
    public var inputImageFormat: String?
    public var createdAt: Date
    public var appVersion: String

    init(
        prompt: String, negativePrompt: String? = nil, model: String, backend: String,
        mode: GenerationModeKind, size: ImageSize? = nil, aspectRatio: String? = nil,
        cfgScale: Double? = nil, steps: Int? = nil, sampler: Sampler? = nil, seed: Int,
        format: ImageFormat, jpegQuality: Int? = nil, safetyCheck: Bool? = nil, stylePreset: String? = nil,
        loraAdapterName: String? = nil, loraWeightFilename: String? = nil,
        initImageMode: InitImageSchedule.Kind? = nil, imageStrength: Double? = nil,
        scheduleStart: Double? = nil, scheduleEnd: Double? = nil, cropPadding: Bool? = nil,
        controlNetName: String? = nil, conditioningScale: Double? = nil,
        inputImageHash: String? = nil, inputImageFormat: String? = nil,
        createdAt: Date, appVersion: String
    ) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.model = model
        self.backend = backend
        self.mode = mode
        self.size = size
        self.aspectRatio = aspectRatio
        self.cfgScale = cfgScale
        self.steps = steps
        self.sampler = sampler
        self.seed = seed
        self.format = format
        self.jpegQuality = jpegQuality
        self.safetyCheck = safetyCheck
        self.stylePreset = stylePreset
        self.loraAdapterName = loraAdapterName
        self.loraWeightFilename = loraWeightFilename
        self.initImageMode = initImageMode
        self.imageStrength = imageStrength
        self.scheduleStart = scheduleStart
        self.scheduleEnd = scheduleEnd
        self.cropPadding = cropPadding
        self.controlNetName = controlNetName
        self.conditioningScale = conditioningScale
        self.inputImageHash = inputImageHash
        self.inputImageFormat = inputImageFormat
        self.createdAt = createdAt
        self.appVersion = appVersion
    }

    /// Compact JSON with sorted keys, so the same provenance always gives the same bytes (and image hash).
    func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(self))
    }

    init(jsonBytes: [UInt8]) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            self = try decoder.decode(ImageProvenance.self, from: Data(jsonBytes))
        } catch {
            throw ImageMetadataError.unreadableProvenance(reason: "the JSON does not describe a Sparkler picture")
        }
    }

    /// The one-line summary that AUTOMATIC1111's web UI writes, which many image tools display.
    var parametersText: String {
        var settings: [String] = []
        if let steps { settings.append("Steps: \(steps)") }
        if let sampler { settings.append("Sampler: \(sampler.rawValue)") }
        if let cfgScale { settings.append("CFG scale: \(RequestValidator.format(cfgScale))") }
        settings.append("Seed: \(seed)")
        if let size { settings.append("Size: \(size)") }
        if let aspectRatio { settings.append("Aspect ratio: \(aspectRatio)") }
        settings.append("Model: \(model)")
        if let imageStrength { settings.append("Image strength: \(RequestValidator.format(imageStrength))") }
        if let controlNetName { settings.append("ControlNet: \(controlNetName)") }
        if let conditioningScale {
            settings.append("Conditioning scale: \(RequestValidator.format(conditioningScale))")
        }
        settings.append("Version: Sparkler \(appVersion)")

        var lines = [prompt]
        if let negativePrompt, !negativePrompt.isEmpty { lines.append("Negative prompt: \(negativePrompt)") }
        lines.append(settings.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
