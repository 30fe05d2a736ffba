import Foundation

/// The endpoint a request path names, or nil when the path is not one of the contract's.
struct Route: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case textToImage, imageToImage, controlNet, workflow
        /// FLUX Kontext: submit a task, and poll for its outcome.
        case kontextSubmit, kontextResult
    }

    var kind: Kind
    var account: String
    var model: String

    var isWorkflow: Bool { kind == .workflow }

    init?(path: String, basePath: String) {
        guard path.hasPrefix(basePath + "/") else { return nil }
        // Empty segments (a doubled slash) do not match: the client must join paths cleanly.
        let segments = path.dropFirst(basePath.count + 1).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 5, segments[1] == "accounts", segments[3] == "models",
              !segments[2].isEmpty, !segments[4].isEmpty
        else { return nil }
        account = segments[2].removingPercentEncoding ?? segments[2]
        model = segments[4].removingPercentEncoding ?? segments[4]
        switch (segments[0], Array(segments.dropFirst(5))) {
        case ("image_generation", []): kind = .textToImage
        case ("image_generation", ["image_to_image"]): kind = .imageToImage
        case ("image_generation", ["control_net"]): kind = .controlNet
        case ("workflows", ["text_to_image"]): kind = .workflow
        case ("workflows", []): kind = .kontextSubmit
        case ("workflows", ["get_result"]): kind = .kontextResult
        default: return nil
        }
    }
}
