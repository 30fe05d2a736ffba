import SparklerCore

/// The Fireworks image endpoints, as FIREWORKS_API.md lists them.
enum ImageRoute: CaseIterable, Sendable {
    case textToImage
    case imageToImage
    case controlNet
    case cannyEdgeDetection
    case workflow

    static let base = "/inference/v1"

    /// The router's paths, with `:account` and `:model` parameters. The official client puts a full model
    /// id after its account (`.../accounts/fireworks/models/accounts/fireworks/models/NAME`), and
    /// Fireworks serves that too: then `:modelAccount` is the model's account.
    var patterns: [String] {
        [path(account: ":account", model: ":model"), path(account: ":account", model: "accounts/:modelAccount/models/:model")]
    }

    func path(account: String, model: String) -> String {
        let modelPath = "accounts/\(account)/models/\(model)"
        return switch self {
        case .textToImage: "\(Self.base)/image_generation/\(modelPath)"
        case .imageToImage: "\(Self.base)/image_generation/\(modelPath)/image_to_image"
        case .controlNet: "\(Self.base)/image_generation/\(modelPath)/control_net"
        case .cannyEdgeDetection: "\(Self.base)/image_generation/\(modelPath)/canny_edge_detection"
        case .workflow: "\(Self.base)/workflows/\(modelPath)/text_to_image"
        }
    }

    /// The model family whose requests this route takes.
    var family: ModelFamily { self == .workflow ? .flux : .stableDiffusion }

    /// FLUX Kontext's submission path, and its `get_result` beside it.
    static func kontextPath(account: String, model: String) -> String {
        "\(base)/workflows/accounts/\(account)/models/\(model)"
    }

    /// Where a model's text-to-image requests go.
    static func textToImage(for family: ModelFamily) -> ImageRoute {
        family == .flux ? .workflow : .textToImage
    }
}
