import Foundation

/// Builds the URL for a model and mode from the configured base URL.
enum FireworksEndpoint {
    static func url(base: String, model: ModelCapabilities, mode: GenerationModeKind) throws -> String {
        let root = try validatedRoot(base)
        let modelPath = "accounts/\(segment(model.id.account))/models/\(segment(model.id.name))"
        switch (model.family, mode) {
        case (.flux, _): return "\(root)/workflows/\(modelPath)/text_to_image"
        case (.kontext, _): return "\(root)/workflows/\(modelPath)"
        case (.stableDiffusion, .textToImage): return "\(root)/image_generation/\(modelPath)"
        case (.stableDiffusion, .imageToImage): return "\(root)/image_generation/\(modelPath)/image_to_image"
        case (.stableDiffusion, .controlNet): return "\(root)/image_generation/\(modelPath)/control_net"
        case (.stableDiffusion, .edit): preconditionFailure("the validator refuses edits for \(model.id.name)")
        }
    }

    /// Where a Kontext request's outcome is asked for, with `{"id": request_id}`.
    static func resultURL(base: String, model: ModelCapabilities) throws -> String {
        try url(base: base, model: model, mode: .textToImage) + "/get_result"
    }

    /// The base without trailing slashes, so joining never doubles them.
    static func validatedRoot(_ base: String) throws -> String {
        var root = base.trimmingCharacters(in: .whitespaces)
        while root.hasSuffix("/") { root.removeLast() }
        guard let components = URLComponents(string: root),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else {
            throw FireworksError.invalidBaseURL(ServerText.clean(base))
        }
        return root
    }

    private static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
