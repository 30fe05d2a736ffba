import Foundation

/// How a picture was made. Sparkler embeds it in every image it stores, so an exported file
/// carries its own parameters and can be imported, or run again, elsewhere.
///
/// Version 2 carries the request as history's document (`GenerationRequest`'s JSON); files from before it
/// spelled each parameter out (version 1, read by `ImageProvenanceVersion1`).
public struct ImageProvenance: Sendable, Equatable {
    public static let currentVersion = 2

    public var version: Int
    /// The request, its input image named (the history that made the picture holds the bytes).
    public var request: GenerationRequest
    /// `fireworks`, `local`.
    public var backend: String
    /// The seed that made this picture (the request's may be 0, for random).
    public var seed: Int
    /// The picture's size in pixels.
    public var size: ImageSize?
    /// The init or control image's content hash in that history, and its file extension there.
    public var inputImageHash: String?
    public var inputImageFormat: String?
    public var createdAt: Date
    public var appVersion: String

    init(
        request: GenerationRequest, backend: String, seed: Int, size: ImageSize?,
        inputImageHash: String? = nil, inputImageFormat: String? = nil, createdAt: Date, appVersion: String
    ) {
        version = Self.currentVersion
        self.request = request
        self.backend = backend
        self.seed = seed
        self.size = size
        self.inputImageHash = inputImageHash
        self.inputImageFormat = inputImageFormat
        self.createdAt = createdAt
        self.appVersion = appVersion
    }

    /// Compact JSON with sorted keys, so the same provenance always gives the same bytes (and image hash).
    func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = DateText.jsonEncoding
        return Array(try encoder.encode(self))
    }

    init(jsonBytes: [UInt8]) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            self = try decoder.decode(ImageProvenance.self, from: Data(jsonBytes))
        } catch let error as ImageMetadataError {
            throw error
        } catch {
            throw ImageMetadataError.unreadableProvenance(reason: "the JSON does not describe a Sparkler picture")
        }
    }

    /// The one-line summary that AUTOMATIC1111's web UI writes, which many image tools display.
    var parametersText: String {
        let format = RequestValidator.format
        var settings: [String] = []
        if let steps = request.steps { settings.append("Steps: \(steps)") }
        if let sampler = request.sampler { settings.append("Sampler: \(sampler.rawValue)") }
        if let cfgScale = request.cfgScale { settings.append("CFG scale: \(format(cfgScale))") }
        settings.append("Seed: \(seed)")
        if let size { settings.append("Size: \(size)") }
        if case .aspectRatio(let ratio) = request.shape { settings.append("Aspect ratio: \(ratio)") }
        settings.append("Model: \(request.model)")
        switch request.mode {
        case .textToImage:
            break
        case .imageToImage(let initImage):
            if case .imageStrength(let strength) = initImage.schedule { settings.append("Image strength: \(format(strength))") }
        case .controlNet(let controlNet):
            settings.append("ControlNet: \(controlNet.netName)")
            settings.append("Conditioning scale: \(format(controlNet.conditioningScale))")
        case .edit(let picture):
            settings.append("Edit of: \(picture.fileName)")
        }
        for (parameter, value) in request.options.entries {
            settings.append("\(parameter.name(for: .kontext).prefix(1).uppercased())\(parameter.name(for: .kontext).dropFirst()): \(value.formText)")
        }
        settings.append("Version: Sparkler \(appVersion)")

        var lines = [request.prompt]
        if let negativePrompt = request.negativePrompt, !negativePrompt.isEmpty { lines.append("Negative prompt: \(negativePrompt)") }
        lines.append(settings.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

extension ImageProvenance: Codable {
    private enum CodingKeys: String, CodingKey {
        case version, request, backend, seed, size, inputImageHash, inputImageFormat, createdAt, appVersion
    }

    /// Reads both versions: a version-1 record has no `request`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.request) else {
            self = try ImageProvenanceVersion1(from: decoder).upgraded()
            return
        }
        version = try container.decode(Int.self, forKey: .version)
        request = try container.decode(GenerationRequest.self, forKey: .request)
        backend = try container.decode(String.self, forKey: .backend)
        seed = try container.decode(Int.self, forKey: .seed)
        size = try container.decodeIfPresent(ImageSize.self, forKey: .size)
        inputImageHash = try container.decodeIfPresent(String.self, forKey: .inputImageHash)
        inputImageFormat = try container.decodeIfPresent(String.self, forKey: .inputImageFormat)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        appVersion = try container.decode(String.self, forKey: .appVersion)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(request, forKey: .request)
        try container.encode(backend, forKey: .backend)
        try container.encode(seed, forKey: .seed)
        try container.encodeIfPresent(size, forKey: .size)
        try container.encodeIfPresent(inputImageHash, forKey: .inputImageHash)
        try container.encodeIfPresent(inputImageFormat, forKey: .inputImageFormat)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(appVersion, forKey: .appVersion)
    }
}
