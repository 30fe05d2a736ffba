import Foundation

/// What a request starts from: text alone, an init image, or a ControlNet control image.
public enum GenerationMode: Sendable, Equatable {
    case textToImage
    case imageToImage(InitImage)
    case controlNet(ControlNetSettings)

    public var kind: GenerationModeKind {
        switch self {
        case .textToImage: .textToImage
        case .imageToImage: .imageToImage
        case .controlNet: .controlNet
        }
    }
}

/// The mode without its payload: what capabilities list and history stores.
public enum GenerationModeKind: String, Sendable, Codable, CaseIterable {
    case textToImage = "text-to-image"
    case imageToImage = "image-to-image"
    case controlNet = "controlnet"
}

/// An image file sent with a request, as read from disk.
public struct InputImage: Sendable, Equatable {
    public var data: Data
    public var fileName: String

    public init(data: Data, fileName: String) {
        self.data = data
        self.fileName = fileName
    }
}

/// How much of the init image survives: Fireworks' `init_image_mode`.
public enum InitImageSchedule: Sendable, Equatable {
    /// `IMAGE_STRENGTH`: 0 keeps nothing of the init image, 1 keeps it all.
    case imageStrength(Double)
    /// `STEP_SCHEDULE`: the fractions of the schedule where denoising starts and ends.
    case stepSchedule(start: Double, end: Double)
}

public struct InitImage: Sendable, Equatable {
    public var image: InputImage
    public var schedule: InitImageSchedule
    public var cropPadding: Bool

    public init(image: InputImage, schedule: InitImageSchedule, cropPadding: Bool = true) {
        self.image = image
        self.schedule = schedule
        self.cropPadding = cropPadding
    }
}

public struct ControlNetSettings: Sendable, Equatable {
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
