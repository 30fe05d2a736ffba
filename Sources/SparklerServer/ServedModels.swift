import SparklerCore

/// The models `sparkler serve` answers for: the offline engine's own sparkler-tiny and, as stand-ins
/// the same engine runs, every catalogue model, each validated against its own capabilities so that
/// clients written for Fireworks work unchanged.
public struct ServedModels: Sendable {
    public let models: [ModelCapabilities]

    public init(_ models: [ModelCapabilities]) {
        self.models = models
    }

    /// The model a route's path names. Unknown: 404 listing what is served; the wrong family for the
    /// route: 400 naming the route to use.
    func model(account: String, name: String, on route: ImageRoute) throws -> ModelCapabilities {
        guard let model = models.first(where: { $0.id == ModelID(account: account, name: name) }) else {
            throw ServerError(
                status: .notFound,
                message: "Model accounts/\(account)/models/\(name) is not served here. Served models: "
                    + models.map(\.id.path).joined(separator: ", ") + "."
            )
        }
        guard model.family == route.family else {
            let right = ImageRoute.textToImage(for: model.family)
            throw ServerError.badRequest(
                "\(model.id.path) is a \(model.family == .flux ? "FLUX workflow" : "Stable Diffusion") model: "
                    + "POST to \(right.path(account: account, model: name))."
            )
        }
        return model
    }
}
