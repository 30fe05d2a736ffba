import Foundation
import Testing
import TestSupport
@testable import SparklerCore
@testable import SparklerServer

/// Random valid requests for every built-in model through the wire and back: what Fireworks' encoder
/// writes (JSON or multipart), `serve`'s decoder reads into the same request. With RequestRoundTripTests
/// (history, provenance) this closes the loop request → wire → serve → history → file → request.
@Suite struct WireRoundTripTests {
    @Test func serveDecodesWhatTheClientSends() throws {
        var random = SeededGenerator(seed: 2027)
        let configuration = FireworksConfiguration(apiKey: "fw-test")
        var decodedCount = 0
        let limit = UploadLimit(models: ModelCatalogue.builtInModels)
        for index in 0..<150 {
            let request = try RandomRequest.make(&random)
            let model = try #require(ModelCatalogue.builtInModels.first { $0.id.path == request.model })
            // serve has no ControlNet: it answers those with 400 (ImageToImageTests).
            if case .controlNet = request.mode { continue }
            let encoded = try FireworksRequestEncoder.encode(request, model: model, configuration: configuration)
            let header = { (name: String) in encoded.headers.first { $0.name == name }?.value }
            var decoded: GenerationRequest
            switch (model.family, request.mode) {
            case (.flux, _):
                decoded = try ImageRequestDecoder.workflow(RequestFields(jsonBody: encoded.body), model: model)
            case (.kontext, _):
                decoded = try ImageRequestDecoder.kontext(RequestFields(jsonBody: encoded.body), model: model, limit: limit)
                // The picture to edit travels without its file name.
                if case .edit(let picture) = request.mode { decoded.mode = .edit(InputImage(data: picture.data, fileName: picture.fileName)) }
            case (.stableDiffusion, .textToImage):
                decoded = try ImageRequestDecoder.textToImage(RequestFields(jsonBody: encoded.body), model: model)
            case (.stableDiffusion, _):
                let boundary = try #require(header("Content-Type").flatMap(MultipartParser.boundary(in:)))
                decoded = try ImageRequestDecoder.imageToImage(try MultipartParser.parse(encoded.body, boundary: boundary), model: model, limit: limit)
            }
            // Beside the body: the format is the Accept header (Kontext's is in the body), the JPEG quality its
            // own header.
            decoded.format = request.format
            decoded.jpegQuality = header("Jpeg-Quality").flatMap { Int($0) }
            #expect(try RequestValidator.validate(decoded, for: model) == request, "request \(index) on \(model.id.name)")
            decodedCount += 1
        }
        #expect(decodedCount > 100, "most random requests are not ControlNet")
    }
}
