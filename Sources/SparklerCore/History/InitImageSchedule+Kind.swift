extension InitImageSchedule {
    /// Fireworks' `init_image_mode` names, as history and image metadata store them.
    public enum Kind: String, Sendable, Codable {
        case imageStrength = "IMAGE_STRENGTH"
        case stepSchedule = "STEP_SCHEDULE"
    }

    public var kind: Kind {
        switch self {
        case .imageStrength: .imageStrength
        case .stepSchedule: .stepSchedule
        }
    }
}
