import Foundation
import SparklerCore
import SparklerEngine
import Testing

/// Text to image over HTTP: the bytes, the headers, the JSON shapes, seeds, and the same pixels as the
/// engine in process.
@Suite struct TextToImageTests {
    static let prompt = "a red circle on a blue background"

    func fields(seed: Int = 7, size: Int = 64, steps: Int = 4, samples: Int = 1) -> [String: Any] {
        ["prompt": Self.prompt, "height": size, "width": size, "steps": steps, "seed": seed, "samples": samples, "cfg_scale": 3]
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func oneSampleComesAsImageBytesWithFinishReasonAndSeed(format: ImageFormat) async throws {
        try await withServer { server in
            let answer = try await server.post(server.url("", model: TestServer.tiny), json: fields(size: 256), accept: format.mimeType)
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect(answer.header("Content-Type") == format.mimeType)
            #expect(answer.header("Finish-Reason") == "SUCCESS")
            #expect(answer.header("Seed") == "7")
            #expect(ImageCodec.sniffFormat(answer.body) == format)
            #expect(try ImageCodec.decode(answer.body).size == ImageSize(width: 256, height: 256))
        }
    }

    /// `ImageInference(model: "accounts/A/models/M")` posts to `.../accounts/fireworks/models/accounts/A/models/M`.
    @Test func theOfficialClientsFullModelIDAfterItsAccountIsServed() async throws {
        try await withServer { server in
            let answer = try await server.post(
                server.url("", model: "accounts/fireworks/models/" + TestServer.tiny), json: fields(), accept: "image/png"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            let unknown = try await server.post(
                server.url("", model: "accounts/fireworks/models/accounts/me/models/mine"), json: fields()
            )
            #expect(unknown.status == 404)
            #expect(unknown.errorMessage?.hasPrefix("Model accounts/me/models/mine is not served here") == true)
        }
    }

    @Test func theBytesAreWhatTheEngineMakesInProcess() async throws {
        try await withServer { server in
            let answer = try await server.post(server.url("", model: TestServer.tiny), json: fields(seed: 21), accept: "image/jpeg")
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            let model = try #require(TestServer.models.models.first { $0.id.path == TestServer.tiny })
            let request = try RequestValidator.validate(GenerationRequest(
                model: TestServer.tiny, prompt: Self.prompt, shape: .size(ImageSize(width: 64, height: 64)),
                cfgScale: 3, steps: 4, seed: 21, format: .jpeg
            ), for: model)
            let local = try await TestServer.engine.get().generate(request, model: model) { _ in }
            #expect(answer.body == local.images[0].data)
        }
    }

    @Test func aFixedSeedGivesTheSameBytesAndSeedZeroAReportedRandomOne() async throws {
        try await withServer { server in
            let url = server.url("", model: TestServer.tiny)
            let first = try await server.post(url, json: fields(seed: 99), accept: "image/png")
            let second = try await server.post(url, json: fields(seed: 99), accept: "image/png")
            #expect(first.body == second.body)

            let random = try await server.post(url, json: fields(seed: 0), accept: "image/png")
            let seed = try #require(random.header("Seed").flatMap(Int.init))
            #expect((1...RequestValidator.maxSeed).contains(seed))
            let remade = try await server.post(url, json: fields(seed: seed), accept: "image/png")
            #expect(remade.body == random.body)
        }
    }

    @Test func severalSamplesComeAsAJSONListOfPNGsEvenWhenJPEGIsAccepted() async throws {
        try await withServer { server in
            let answer = try await server.post(
                server.url("", model: TestServer.tiny), json: fields(seed: 40, samples: 3), accept: "image/jpeg"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect(answer.header("Content-Type") == "application/json")
            let artifacts = try #require(answer.json as? [[String: Any]])
            #expect(artifacts.map { $0["seed"] as? Int } == [40, 41, 42])
            #expect(artifacts.allSatisfy { $0["finishReason"] as? String == "SUCCESS" })
            for artifact in artifacts {
                let data = try #require(Data(base64Encoded: artifact["base64"] as? String ?? ""))
                #expect(ImageCodec.sniffFormat(data) == .png)
                #expect(try ImageCodec.decode(data).size == ImageSize(width: 64, height: 64))
            }
        }
    }

    @Test func withoutAcceptTheAnswerIsJSON() async throws {
        try await withServer { server in
            let answer = try await server.post(server.url("", model: TestServer.tiny), json: fields())
            #expect(answer.status == 200)
            #expect((answer.json as? [[String: Any]])?.count == 1)
            let refused = try await server.post(server.url("", model: TestServer.tiny), json: fields(), accept: "text/html")
            #expect(refused.status == 406)
            #expect(refused.errorMessage?.contains("image/jpeg, image/png or application/json") == true)
        }
    }

    @Test func jpegQualityIsHonouredAndChecked() async throws {
        try await withServer { server in
            let url = server.url("", model: TestServer.tiny)
            let low = try await server.post(url, json: fields(size: 256), accept: "image/jpeg", headers: ["Jpeg-Quality": "5"])
            let high = try await server.post(url, json: fields(size: 256), accept: "image/jpeg", headers: ["Jpeg-Quality": "100"])
            #expect(low.status == 200 && high.status == 200)
            #expect(low.body.count < high.body.count)
            let bad = try await server.post(url, json: fields(), accept: "image/jpeg", headers: ["Jpeg-Quality": "101"])
            #expect(bad.status == 400)
            #expect(bad.errorMessage?.contains("0 to 100") == true)
        }
    }
}
