import AsyncHTTPClient
import Foundation
import SparklerCore
import Testing
@testable import SparklerServer

/// `sparkler serve` answers FLUX Kontext's asynchronous workflow with the offline engine: a plain HTTP
/// client submits, polls until Ready, fetches the picture from its URL (no key needed there), and finds it
/// gone once the URL expires; Sparkler's own client makes and edits pictures through it.
@Suite(.serialized) struct KontextServeTests {
    static let kontext = "accounts/fireworks/models/flux-kontext-pro"

    private func submitURL(_ server: TestServer) -> String { "\(server.baseURL)/workflows/\(Self.kontext)" }

    /// Polls until the status is no longer Pending (a bounded wait on the server's state, not a sleep).
    private func settled(_ server: TestServer, id: String, headers: [String: String] = [:]) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let answer = try await server.post(submitURL(server) + "/get_result", json: ["id": id], headers: headers)
            let object = try #require(answer.json as? [String: Any], "\(answer.status)")
            if object["status"] as? String != "Pending" { return object }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CancellationError()
    }

    @Test func submitPollFetchThenTheLinkExpires() async throws {
        try await withServer(ServerConfiguration(port: 0, key: "serve-key", sampleLifetime: .seconds(2))) { server in
            let auth = ["Authorization": "Bearer serve-key"]
            let unauthorized = try await server.post(submitURL(server), json: ["prompt": "a red circle"])
            #expect(unauthorized.status == 401)

            let submitted = try await server.post(submitURL(server), json: ["prompt": "a red circle on a blue background", "seed": 7, "aspect_ratio": "1:1", "output_format": "png"], headers: auth)
            #expect(submitted.status == 200)
            let id = try #require((submitted.json as? [String: Any])?["request_id"] as? String)

            let ready = try await settled(server, id: id, headers: auth)
            #expect(ready["status"] as? String == "Ready", "\(ready)")
            let result = try #require(ready["result"] as? [String: Any])
            #expect(result["seed"] as? Int == 7)
            let sample = try #require(result["sample"] as? String)
            // The picture's URL needs no key: its token is the permission.
            let picture = try await server.send(sample, method: .GET)
            #expect(picture.status == 200 && picture.header("content-type") == "image/png")
            #expect(try ImageInspector.inspect(picture.body, as: .png) == ImageSize(width: 1024, height: 1024))

            let deadline = ContinuousClock.now + .seconds(60)
            var gone = picture
            while gone.status == 200, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                gone = try await server.send(sample, method: .GET)
            }
            #expect(gone.status == 403, "the link expires after its lifetime")
            #expect(gone.errorMessage?.contains("expired") == true)

            let unknown = try await server.post(submitURL(server) + "/get_result", json: ["id": "no-such-id"], headers: auth)
            #expect((unknown.json as? [String: Any])?["status"] as? String == "Task not found")
            let history = try server.history.entries()
            #expect(history.count == 1 && history.first?.model == Self.kontext)
        }
    }

    @Test func refusalsAreImmediateWithTheReason() async throws {
        try await withServer { server in
            let tooPermissive = try await server.post(submitURL(server), json: [
                "prompt": "make it night", "safety_tolerance": 5,
                "input_image": try ImageCodec.encode(try #require(RGBAImage(width: 32, height: 32, red: 9, green: 9, blue: 9)), as: .png)
                    .base64EncodedString(),
            ])
            #expect(tooPermissive.status == 400)
            #expect(tooPermissive.errorMessage?.contains("0 to 2 when editing a picture") == true, "\(String(decoding: tooPermissive.body, as: UTF8.self))")
            let models = try await server.send("\(server.baseURL)/models", method: .GET)
            let listed = try #require((models.json as? [String: Any])?["data"] as? [[String: Any]])
            let kontext = try #require(listed.first { $0["id"] as? String == Self.kontext })
            #expect(kontext["route"] as? String == "/inference/v1/workflows/\(Self.kontext)", "\(kontext)")
            let wrongRoute = try await server.post("\(server.baseURL)/workflows/\(TestServer.playground)", json: ["prompt": "x"])
            #expect(wrongRoute.status == 400 && wrongRoute.errorMessage?.contains("image_generation") == true)
        }
    }

    /// Sparkler's own Kontext client against serve: a picture from text, then an edit of it.
    @Test func sparklersClientMakesAndEditsThroughServe() async throws {
        try await withServer { server in
            var configuration = FireworksConfiguration(apiKey: "unused", baseURL: server.baseURL)
            configuration.workflowPolling = WorkflowPolling(first: .milliseconds(20), longest: .milliseconds(100))
            let backend = FireworksBackend(configuration: configuration)
            defer { Task { await backend.shutdown() } }
            let model = try ModelCatalogue().resolve("flux-kontext-pro")
            let drawn = try await backend.generate(
                try RequestValidator.validate(GenerationRequest(prompt: "a red circle on a blue background", shape: .aspectRatio("16:9"), seed: 3), for: model),
                model: model) { _ in }
            let picture = try #require(drawn.images.first)
            #expect(drawn.requestID != nil && picture.size.width > picture.size.height && picture.format == .jpeg)

            let edit = GenerationRequest(prompt: "a green circle on a blue background", seed: 4, mode: .edit(InputImage(data: picture.data, fileName: "drawn.jpg")))
            let edited = try await backend.generate(try RequestValidator.validate(edit, for: model), model: model) { _ in }
            let result = try #require(edited.images.first)
            #expect(result.size.width > result.size.height, "an edit keeps the picture's shape: \(result.size)")
            #expect(result.data != picture.data)
        }
    }
}
