import Foundation
import SparklerCore
import SparklerServer
import Testing
import TestSupport

/// Requests the server refuses, each with the status a Fireworks client expects and a message that
/// says what would be accepted.
@Suite struct RequestErrorTests {
    let prompt = "a red circle on a blue background"

    @Test func anUnknownModelIs404ListingTheServedModels() async throws {
        try await withServer { server in
            let answer = try await server.post(server.url("", model: "accounts/fireworks/models/dall-e"), json: ["prompt": prompt])
            #expect(answer.status == 404)
            let message = try #require(answer.errorMessage)
            #expect(message.contains("accounts/fireworks/models/dall-e is not served"))
            #expect(message.contains(TestServer.tiny) && message.contains(TestServer.playground) && message.contains(TestServer.schnell))
            let body = try #require(answer.json as? [String: [String: String]])
            #expect(body["error"]?["object"] == "error")
            #expect(body["error"]?["type"] == "invalid_request_error")
        }
    }

    @Test func aPromptBeyondTheLimitIs400AndNeverStored() async throws {
        try await withServer { server in
            let long = String(repeating: "a fox ", count: 40_000)
            let answer = try await server.post(server.url("", model: TestServer.tiny), json: ["prompt": long, "steps": 1])
            #expect(answer.status == 400)
            #expect(answer.errorMessage == "prompt of 240,000 characters is not allowed: at most 10,000 characters.")
            #expect(try server.history.entries().isEmpty)
        }
    }

    @Test func aModelOnTheWrongRouteIsToldWhichRouteToUse() async throws {
        try await withServer { server in
            let flux = try await server.post(server.url("", model: TestServer.schnell), json: ["prompt": prompt])
            #expect(flux.status == 400)
            #expect(flux.errorMessage?.contains("/workflows/\(TestServer.schnell)/text_to_image") == true)
            let sd = try await server.post(server.url("workflow", model: TestServer.tiny), json: ["prompt": prompt])
            #expect(sd.status == 400)
            #expect(sd.errorMessage?.contains("/image_generation/\(TestServer.tiny).") == true)
        }
    }

    @Test func valuesOutsideTheModelsRangesAre400WithTheRange() async throws {
        try await withServer { server in
            let url = server.url("", model: TestServer.playground)
            let cases: [([String: Any], String)] = [
                (["prompt": prompt, "cfg_scale": 36], "cfg_scale 36 is not allowed: 0 to 35."),
                (["prompt": prompt, "steps": 151], "steps 151 is not allowed: 1 to 150."),
                (["prompt": prompt, "samples": 11], "samples 11 is not allowed: 1 to 10."),
                (["prompt": prompt, "seed": -1], "seed -1 is not allowed: 0 (random) to 2147483647."),
                (["prompt": prompt, "height": 512, "width": 512], "size 512x512 is not allowed: playground-v2-1024px-aesthetic offers 1024x1024"),
                (["prompt": prompt, "height": 1024], "Send height and width together"),
                (["prompt": prompt, "sampler": "K_FAST"], "sampler K_FAST is not allowed: one of K_EULER, K_EULER_ANCESTRAL"),
                (["prompt": "  "], "prompt is missing"),
            ]
            for (fields, message) in cases {
                let answer = try await server.post(url, json: fields, accept: "image/jpeg")
                #expect(answer.status == 400, "\(fields)")
                #expect(answer.errorMessage?.hasPrefix(message) == true, "\(answer.errorMessage ?? "no message")")
            }
            let flux = try await server.post(
                server.url("workflow", model: TestServer.schnell), json: ["prompt": prompt, "aspect_ratio": "2:1"]
            )
            #expect(flux.errorMessage?.hasPrefix("aspect_ratio 2:1 is not allowed: flux-1-schnell-fp8 offers 1:1, 21:9") == true)
        }
    }

    @Test func wrongTypesAndMalformedJSONAre400() async throws {
        try await withServer { server in
            let url = server.url("", model: TestServer.tiny)
            let text = try await server.post(url, json: ["prompt": prompt, "steps": "20"])
            #expect(text.status == 400)
            #expect(text.errorMessage == "steps must be a whole number, not a string.")
            let fraction = try await server.post(url, json: ["prompt": prompt, "steps": 2.5])
            #expect(fraction.errorMessage == "steps must be a whole number, not 2.5.")
            let flag = try await server.post(url, json: ["prompt": prompt, "safety_check": "yes"])
            #expect(flag.errorMessage == "safety_check must be true or false, not a string.")

            // Ints stand for floats, and null for an absent field, as the official client sends them.
            let lenient = try await server.post(
                url, json: ["prompt": prompt, "cfg_scale": 3, "height": 64, "width": 64, "steps": 1, "negative_prompt": NSNull()]
            )
            #expect(lenient.status == 200, "\(lenient.errorMessage ?? "")")

            let broken = try await server.send(url, body: Data("{\"prompt\": ".utf8), headers: ["Content-Type": "application/json"])
            #expect(broken.status == 400)
            #expect(broken.errorMessage?.contains("not valid JSON") == true)
            let list = try await server.send(url, body: Data("[1, 2]".utf8), headers: ["Content-Type": "application/json"])
            #expect(list.errorMessage == "The body must be a JSON object, not an array.")
        }
    }

    @Test func otherMethodsAre405AndUnknownPaths404() async throws {
        try await withServer { server in
            let get = try await server.send(server.url("", model: TestServer.tiny), method: .GET)
            #expect(get.status == 405)
            #expect(get.header("Allow") == "POST")
            let models = try await server.send("\(server.baseURL)/models", method: .GET)
            #expect(models.status == 200)
            let listed = try #require((models.json as? [String: Any])?["data"] as? [[String: Any]])
            #expect(listed.contains { $0["id"] as? String == TestServer.tiny })
            let unknown = try await server.send("\(server.baseURL)/chat/completions", method: .POST)
            #expect(unknown.status == 404)
            #expect(unknown.errorMessage?.contains("/inference/v1") == true)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await withServer(ServerConfiguration(port: 0, maxBodyBytes: ServerConfiguration.megabyte)) { server in
            var form = MultipartForm()
            form.fields = [("prompt", prompt), ("image_strength", "0.5")]
            form.files = [("init_image", Data(repeating: 7, count: 3 * ServerConfiguration.megabyte / 2))]
            let url = server.url("image_to_image", model: TestServer.tiny)
            let announced = try await server.post(url, form: form)
            #expect(announced.status == 413)
            #expect(announced.errorMessage?.contains("limit of 1 MB") == true)
            let streamed = try await server.send(url, body: form.encoded(), headers: ["Content-Type": form.contentType], chunked: true)
            #expect(streamed.status == 413)
            #expect(streamed.errorMessage?.contains("limit of 1 MB") == true)
        }
    }

    /// A client that sends its whole body before it reads (curl, Python's http.client) sees the 413: the
    /// server reads what was announced, within bounds, then closes, instead of leaving the client blocked.
    @Test func aClientThatSendsItsWholeBodyFirstSeesThe413() async throws {
        // The header timeout, which also bounds how long a refused body is read, is far away: the close that
        // ends the reply below is the one that follows the 413.
        let configuration = ServerConfiguration(port: 0, maxBodyBytes: ServerConfiguration.megabyte, headerTimeout: .seconds(600))
        try await withServer(configuration) { server in
            let port = try #require(URLComponents(string: server.baseURL)?.port)
            let body = Data(repeating: 7, count: 8 * ServerConfiguration.megabyte)
            let head = "POST /inference/v1/image_generation/\(TestServer.tiny) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            let connection = try HeldConnection(port: port)
            try connection.send(head)
            let sent = await connection.sendAll(body)
            #expect(sent != nil, "the server stopped reading: the client is stuck sending")
            let reply = try #require(await connection.readUntilClosed(), "the connection was neither answered nor closed")
            #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply.prefix(300))")
            #expect(reply.lowercased().contains("connection: close"), "\(reply.prefix(300))")
        }
    }

    /// A client that announces a body and never sends it gets 408 once the timeout passes.
    @Test func aBodyThatDoesNotArriveIs408() async throws {
        try await withServer(ServerConfiguration(port: 0, timeout: .seconds(1))) { server in
            let port = try #require(URLComponents(string: server.baseURL)?.port)
            let head = "POST /inference/v1/image_generation/\(TestServer.tiny) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"prompt\":"
            let reply = try await RawConnection.exchange(port: port, sending: Data(head.utf8))
            #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
            #expect(reply.contains("did not arrive within 1 s"))
        }
    }
}
