/// The encodings a backend can return and Sparkler can store.
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case jpeg
    case png

    /// Accepts the spellings users type: `jpg`, `jpeg`, `png` (any case).
    public init?(userValue: String) {
        switch userValue.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        default: return nil
        }
    }

    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        }
    }
}
