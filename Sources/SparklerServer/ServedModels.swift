import SparklerCore

/// The models `sparkler serve` answers for: the offline engine's own sparkler-tiny and, as stand-ins
/// the same engine runs, every catalogue model, each validated against its own capabilities so that
/// clients written for Fireworks work unchanged.
public struct ServedModels: Sendable {
    public let models: [ModelCapabilities]
    /// The largest picture an upload may be.
    let uploadLimit: UploadLimit

    public init(_ models: [ModelCapabilities]) {
        self.models = models
        uploadLimit = UploadLimit(models: models)
    }

    /// The model a route's path names. Unknown: 404 listing what is served; the wrong family for the
    /// route: 400 naming the route to use.
    func model(account: String, name: String, on route: ImageRoute) throws -> ModelCapabilities {
        try model(account: account, name: name, family: route.family)
    }

    /// The model a Kontext workflow path names, which must be a Kontext model.
    func model(account: String, name: String, family: ModelFamily) throws -> ModelCapabilities {
        guard let model = models.first(where: { $0.id == ModelID(account: account, name: name) }) else {
            throw ServerError(
                status: .notFound,
                message: "Model accounts/\(account)/models/\(name) is not served here. Served models: "
                    + models.map(\.id.path).joined(separator: ", ") + "."
            )
        }
        guard model.family == family else {
            throw ServerError.badRequest("\(model.id.path) is a \(Self.describe(model.family)) model: POST to \(Self.route(for: model.family, account: account, model: name)).")
        }
        return model
    }

    private static func describe(_ family: ModelFamily) -> String {
        switch family {
        case .stableDiffusion: "Stable Diffusion"
        case .flux: "FLUX workflow"
        case .kontext: "FLUX Kontext"
        }
    }

    /// Where a model's requests go: its text-to-image route, or Kontext's submission.
    static func route(for family: ModelFamily, account: String, model: String) -> String {
        switch family {
        case .kontext: "\(ImageRoute.base)/workflows/accounts/\(account)/models/\(model)"
        case .stableDiffusion, .flux: ImageRoute.textToImage(for: family).path(account: account, model: model)
        }
    }
}
