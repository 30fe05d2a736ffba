import Foundation
import Hummingbird
import SparklerCore

/// `GET /inference/v1/models`: what is served, on which route, with which sizes or aspect ratios.
enum ModelListing {
    static func response(_ models: ServedModels) throws -> Response {
        let listing = Listing(data: models.models.map { model in
            Entry(
                id: model.id.path,
                displayName: model.displayName,
                family: model.family.rawValue,
                route: ServedModels.route(for: model.family, account: model.id.account, model: model.id.name),
                modes: model.modes.filter { $0 != .controlNet }.map(\.rawValue),
                sizes: model.sizes.isEmpty ? nil : model.sizes.map(\.description),
                aspectRatios: model.aspectRatios.isEmpty ? nil : model.aspectRatios
            )
        })
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(listing)))
        )
    }

    private struct Listing: Encodable {
        var object = "list"
        var data: [Entry]
    }

    private struct Entry: Encodable {
        var id: String
        var object = "model"
        var displayName: String
        var family: String
        var route: String
        var modes: [String]
        var sizes: [String]?
        var aspectRatios: [String]?
    }
}
