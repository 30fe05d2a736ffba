import Foundation

/// What a request starts from: text alone, an init image, a ControlNet control image, or a picture to
/// edit by instruction (FLUX.1 Kontext: the prompt says what to change, and the model decides how much).
public enum GenerationMode: Sendable, Equatable {
    case textToImage
    case imageToImage(InitImage)
    case controlNet(ControlNetSettings)
    case edit(InputImage)

    public var kind: GenerationModeKind {
        switch self {
        case .textToImage: .textToImage
        case .imageToImage: .imageToImage
        case .controlNet: .controlNet
        case .edit: .edit
        }
    }
}

/// The mode without its payload: what capabilities list and history stores.
public enum GenerationModeKind: String, Sendable, Codable, CaseIterable {
    case textToImage = "text-to-image"
    case imageToImage = "image-to-image"
    case controlNet = "controlnet"
    case edit = "edit"
}

/// An image file sent with a request, as read from disk. Empty `data` names the file without its bytes:
/// what the form holds until it is read, and what a stored request keeps (history stores the bytes apart).
public struct InputImage: Sendable, Equatable, Codable {
    public var data: Data
    public var fileName: String

    public init(data: Data, fileName: String) {
        self.data = data
        self.fileName = fileName
    }

    /// The file by name only.
    public var named: InputImage { InputImage(data: Data(), fileName: fileName) }

    private enum CodingKeys: String, CodingKey {
        case fileName
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(data: Data(), fileName: try container.decode(String.self, forKey: .fileName))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fileName, forKey: .fileName)
    }
}

/// How much of the init image survives: Fireworks' `init_image_mode`.
public enum InitImageSchedule: Sendable, Equatable {
    /// `IMAGE_STRENGTH`: 0 keeps nothing of the init image, 1 keeps it all.
    case imageStrength(Double)
    /// `STEP_SCHEDULE`: the fractions of the schedule where denoising starts and ends.
    case stepSchedule(start: Double, end: Double)
}

public struct InitImage: Sendable, Equatable, Codable {
    public var image: InputImage
    public var schedule: InitImageSchedule
    public var cropPadding: Bool

    public init(image: InputImage, schedule: InitImageSchedule, cropPadding: Bool = true) {
        self.image = image
        self.schedule = schedule
        self.cropPadding = cropPadding
    }
}

public struct ControlNetSettings: Sendable, Equatable, Codable {
    public var image: InputImage
    public var netName: String
    public var conditioningScale: Double
    public var stepScheduleStart: Double
    public var stepScheduleEnd: Double
    public var cropPadding: Bool

    public init(
        image: InputImage, netName: String, conditioningScale: Double = 0.5,
        stepScheduleStart: Double = 0, stepScheduleEnd: Double = 1, cropPadding: Bool = true
    ) {
        self.image = image
        self.netName = netName
        self.conditioningScale = conditioningScale
        self.stepScheduleStart = stepScheduleStart
        self.stepScheduleEnd = stepScheduleEnd
        self.cropPadding = cropPadding
    }
}

/// `{"kind": "text-to-image"}`, `{"kind": "image-to-image", "initImage": {...}}`,
/// `{"kind": "controlnet", "controlNet": {...}}`, `{"kind": "edit", "picture": {...}}`.
extension GenerationMode: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, initImage, controlNet, picture
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(GenerationModeKind.self, forKey: .kind) {
        case .textToImage: self = .textToImage
        case .imageToImage: self = .imageToImage(try container.decode(InitImage.self, forKey: .initImage))
        case .controlNet: self = .controlNet(try container.decode(ControlNetSettings.self, forKey: .controlNet))
        case .edit: self = .edit(try container.decode(InputImage.self, forKey: .picture))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .textToImage: break
        case .imageToImage(let initImage): try container.encode(initImage, forKey: .initImage)
        case .controlNet(let settings): try container.encode(settings, forKey: .controlNet)
        case .edit(let picture): try container.encode(picture, forKey: .picture)
        }
    }

    /// The init or control image, or the picture to edit, when the mode has one.
    public var image: InputImage? {
        switch self {
        case .textToImage: nil
        case .imageToImage(let initImage): initImage.image
        case .controlNet(let settings): settings.image
        case .edit(let picture): picture
        }
    }

    /// The same mode with its image replaced.
    public func replacingImage(with image: InputImage) -> GenerationMode {
        switch self {
        case .textToImage:
            return self
        case .imageToImage(var initImage):
            initImage.image = image
            return .imageToImage(initImage)
        case .controlNet(var settings):
            settings.image = image
            return .controlNet(settings)
        case .edit:
            return .edit(image)
        }
    }
}

/// `{"mode": "IMAGE_STRENGTH", "strength": 0.4}` or `{"mode": "STEP_SCHEDULE", "start": 0.2, "end": 0.8}`:
/// Fireworks' `init_image_mode` names.
extension InitImageSchedule: Codable {
    private enum CodingKeys: String, CodingKey {
        case mode, strength, start, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .mode) {
        case .imageStrength:
            self = .imageStrength(try container.decode(Double.self, forKey: .strength))
        case .stepSchedule:
            self = .stepSchedule(start: try container.decode(Double.self, forKey: .start), end: try container.decode(Double.self, forKey: .end))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .mode)
        switch self {
        case .imageStrength(let strength):
            try container.encode(strength, forKey: .strength)
        case .stepSchedule(let start, let end):
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        }
    }
}
