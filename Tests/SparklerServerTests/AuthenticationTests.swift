import Foundation
import SparklerServer
import Testing

/// With a key, every request must carry it as a bearer token.
@Suite struct AuthenticationTests {
    @Test func requestsWithoutTheRightKeyAre401() async throws {
        try await withServer(ServerConfiguration(port: 0, key: "sesame")) { server in
            let url = server.url("", model: TestServer.tiny)
            let fields: [String: Any] = ["prompt": "a red circle", "height": 64, "width": 64, "steps": 1]

            let missing = try await server.post(url, json: fields)
            #expect(missing.status == 401)
            #expect(missing.header("WWW-Authenticate") == "Bearer")
            #expect(missing.errorMessage?.hasPrefix("No API key") == true)

            let wrong = try await server.post(url, json: fields, headers: ["Authorization": "Bearer sesame!"])
            #expect(wrong.status == 401)
            #expect(wrong.errorMessage?.hasPrefix("The API key is wrong") == true)
            #expect(wrong.errorMessage?.contains("sesame") == false)

            let listing = try await server.send("\(server.baseURL)/models", method: .GET)
            #expect(listing.status == 401)

            let right = try await server.post(url, json: fields, accept: "image/png", headers: ["Authorization": "Bearer sesame"])
            #expect(right.status == 200)
        }
    }
}
