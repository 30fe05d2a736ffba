/// Why embedded provenance could not be read from, or written into, an image file's bytes.
public enum ImageMetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither a PNG nor a JPEG signature.
    case unknownFormat
    /// The chunk or segment structure is broken; `reason` says where.
    case malformed(ImageFormat, reason: String)
    /// The structure is sound but Sparkler's own record in it is not.
    case unreadableProvenance(reason: String)

    public var description: String {
        switch self {
        case .unknownFormat:
            "it is neither a PNG nor a JPEG file"
        case .malformed(let format, let reason):
            "its \(format.rawValue.uppercased()) structure is broken: \(reason)"
        case .unreadableProvenance(let reason):
            "its Sparkler metadata cannot be read: \(reason)"
        }
    }
}
