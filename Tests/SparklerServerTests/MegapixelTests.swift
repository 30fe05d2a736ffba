import Foundation
import SparklerCore
import Testing

/// Models whose pictures are about a megapixel: the SDXL-class stand-ins and FLUX. The engine upscales
/// them on the concurrency pool, so these run one at a time and leave the other tests' servers room.
@Suite(.serialized) struct MegapixelTests {
    static let prompt = "a red circle on a blue background"

    /// Playground v2 works unchanged, validated against its own capabilities (SDXL sizes).
    @Test func aCatalogueModelIsServedByTheEngineAtItsOwnSizes() async throws {
        try await withServer { server in
            let url = server.url("", model: TestServer.playground)
            let answer = try await server.post(
                url, json: ["prompt": Self.prompt, "height": 768, "width": 1344, "steps": 2, "seed": 3], accept: "image/jpeg"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect(try ImageCodec.decode(answer.body).size == ImageSize(width: 1344, height: 768))
            let small = try await server.post(url, json: ["prompt": Self.prompt, "height": 256, "width": 256, "steps": 1])
            #expect(small.status == 400)
            #expect(small.errorMessage?.contains("1024x1024") == true)
        }
    }

    @Test func fluxOnTheWorkflowRouteAnswersTheWorkflowObjectAtAboutAMegapixel() async throws {
        try await withServer { server in
            let answer = try await server.post(
                server.url("workflow", model: TestServer.schnell),
                json: ["prompt": Self.prompt, "aspect_ratio": "16:9", "guidance_scale": 3.5, "num_inference_steps": 2, "seed": 12],
                accept: "application/json"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            let object = try #require(answer.json as? [String: Any])
            #expect(object["seed"] as? Int == 12)
            #expect(object["finishReason"] as? String == "SUCCESS")
            #expect((object["id"] as? String)?.isEmpty == false)
            let images = try #require(object["base64"] as? [String])
            #expect(images.count == 1)
            let data = try #require(Data(base64Encoded: images[0]))
            #expect(try ImageCodec.decode(data).size == ImageSize(width: 1344, height: 768))

            let binary = try await server.post(
                server.url("workflow", model: TestServer.schnell), json: ["prompt": Self.prompt, "num_inference_steps": 1],
                accept: "image/jpeg"
            )
            #expect(binary.header("Content-Type") == "image/jpeg")
            #expect(try ImageCodec.decode(binary.body).size == ImageSize(width: 1024, height: 1024))
        }
    }

    /// Sparkler's own Fireworks client on the workflow route: the JSON answer's PNG is the engine's.
    @Test func fluxThroughSparklersClientGivesTheEnginesBytesAtTheRatiosSize() async throws {
        try await withServer { server in
            let model = try #require(TestServer.models.models.first { $0.id.path == TestServer.schnell })
            let request = try RequestValidator.validate(GenerationRequest(
                model: TestServer.schnell, prompt: "a red circle on a blue background", shape: .aspectRatio("3:4"),
                steps: 1, seed: 4, format: .png
            ), for: model)
            let backend = FireworksBackend(configuration: FireworksConfiguration(apiKey: "unused", baseURL: server.baseURL))
            let served = try await backend.generate(request, model: model) { _ in }
            await backend.shutdown()
            var sized = request
            sized.shape = .size(ImageSize(width: 896, height: 1152))
            let local = try await TestServer.engine.get().generate(sized, model: model) { _ in }
            #expect(served.images.map(\.data) == local.images.map(\.data))
        }
    }
}
