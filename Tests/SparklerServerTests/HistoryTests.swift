import Foundation
import SparklerCore
import SparklerServer
import Testing

/// Every generation the server makes lands in history as backend `served`; failures as failures.
@Suite struct HistoryTests {
    @Test func servedPicturesAreRecorded() async throws {
        try await withServer { server in
            let answer = try await server.post(
                server.url("", model: TestServer.tiny),
                json: ["prompt": "a red circle", "height": 64, "width": 64, "steps": 2, "seed": 8, "samples": 2, "style_preset": "photo"]
            )
            #expect(answer.status == 200)
            let entries = try server.history.entries()
            #expect(entries.count == 2)
            #expect(entries.allSatisfy { $0.backend == "served" && $0.model == TestServer.tiny && $0.outcome == .success })
            #expect(Set(entries.compactMap(\.seed)) == [8, 9])
            #expect(entries.allSatisfy { $0.request.stylePreset == "photo" })
        }
    }

    /// History that cannot store a picture (its images/tmp folder replaced by a file, which not even root can
    /// write into) still answers the client with its picture, and keeps a copy beside the history.
    @Test func aPictureHistoryCannotStoreIsStillAnsweredAndKept() async throws {
        try await withServer { server in
            let temporary = server.directory.appendingPathComponent("images/tmp")
            try FileManager.default.removeItem(at: temporary)
            try Data("not a folder".utf8).write(to: temporary)

            let answer = try await server.post(
                server.url("", model: TestServer.tiny),
                json: ["prompt": "a red circle", "height": 64, "width": 64, "steps": 2, "seed": 21], accept: "image/png"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect(try ImageCodec.decode(answer.body).size == ImageSize(width: 64, height: 64))
            #expect(try server.history.entries().isEmpty)
            let kept = try FileManager.default.contentsOfDirectory(atPath: server.directory.appendingPathComponent("recovered").path)
            #expect(kept.count == 1 && kept[0].hasSuffix("-21.png"), "\(kept)")
        }
    }

    /// A FLUX model configured with a ratio the engine cannot draw: the run fails, is recorded, and answers 500.
    @Test func aFailedRunIsRecordedAsAFailure() async throws {
        var odd = ModelCapabilities.flux(ModelID(account: "me", name: "odd-flux"), displayName: "Odd", stepsDefault: 1)
        odd.aspectRatios = ["wide"]
        odd.defaultShape = .aspectRatio("wide")
        try await withServer(models: ServedModels([odd])) { server in
            let answer = try await server.post(server.url("workflow", model: "accounts/me/models/odd-flux"), json: ["prompt": "a fox"])
            #expect(answer.status == 500)
            #expect(answer.errorMessage?.contains("aspect ratio wide") == true)
            let body = try #require(answer.json as? [String: [String: String]])
            #expect(body["error"]?["type"] == "internal_server_error")
            let entry = try #require(try server.history.entries().first)
            #expect(entry.outcome == .failed && entry.backend == "served")
            #expect(entry.errorMessage?.contains("aspect ratio wide") == true)
        }
    }
}
