import Foundation
import SparklerCore
import SparklerEngine
import Testing

/// image_to_image as the official client sends it (multipart, every field a string), both init image
/// modes; ControlNet and Canny refused with a reason.
@Suite struct ImageToImageTests {
    static let initImage: Data = {
        var pixels = [UInt8](repeating: 255, count: 64 * 64 * 4)
        for y in 0..<64 {
            for x in 0..<64 {
                let offset = (y * 64 + x) * 4
                pixels[offset] = UInt8(x * 4)
                pixels[offset + 1] = 0
                pixels[offset + 2] = UInt8(y * 4)
            }
        }
        return try! ImageCodec.encode(RGBAImage(width: 64, height: 64, pixels: pixels)!, as: .png)
    }()

    func form(_ fields: [(String, String)], image: Data? = ImageToImageTests.initImage) -> MultipartForm {
        var form = MultipartForm()
        form.fields = [("prompt", "a red circle on a blue background"), ("steps", "4"), ("seed", "5"), ("cfg_scale", "3")] + fields
        if let image { form.files = [("init_image", image)] }
        return form
    }

    @Test func imageStrengthMode() async throws {
        try await withServer { server in
            let answer = try await server.post(
                server.url("image_to_image", model: TestServer.tiny),
                form: form([("init_image_mode", "IMAGE_STRENGTH"), ("image_strength", "0.65"), ("safety_check", "false")]),
                accept: "image/png"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect(answer.header("Seed") == "5")
            // The picture takes the init image's size.
            #expect(try ImageCodec.decode(answer.body).size == ImageSize(width: 64, height: 64))

            let model = try #require(TestServer.models.models.first { $0.id.path == TestServer.tiny })
            let request = try RequestValidator.validate(GenerationRequest(
                model: TestServer.tiny, prompt: "a red circle on a blue background", shape: .size(ImageSize(width: 64, height: 64)),
                cfgScale: 3, steps: 4, seed: 5, format: .png,
                mode: .imageToImage(InitImage(image: InputImage(data: Self.initImage, fileName: "upload"), schedule: .imageStrength(0.65)))
            ), for: model)
            let local = try await TestServer.engine.get().generate(request, model: model) { _ in }
            #expect(answer.body == local.images[0].data)
        }
    }

    @Test func stepScheduleModeWithTheOfficialClientsEmptyFields() async throws {
        try await withServer { server in
            // httpx sends unset fields (image_strength, height, width) as empty strings.
            let answer = try await server.post(
                server.url("image_to_image", model: TestServer.tiny),
                form: form([
                    ("init_image_mode", "STEP_SCHEDULE"), ("step_schedule_start", "0.65"), ("step_schedule_end", "1.0"),
                    ("image_strength", ""), ("height", ""), ("width", ""), ("crop_padding", "true"), ("samples", "2"),
                ]),
                accept: "application/json"
            )
            #expect(answer.status == 200, "\(answer.errorMessage ?? "")")
            #expect((answer.json as? [[String: Any]])?.map { $0["seed"] as? Int } == [5, 6])
        }
    }

    @Test func missingOrBrokenPartsAre400() async throws {
        try await withServer { server in
            let url = server.url("image_to_image", model: TestServer.tiny)
            let noImage = try await server.post(url, form: form([("image_strength", "0.5")], image: nil))
            #expect(noImage.status == 400)
            #expect(noImage.errorMessage?.contains("init_image") == true)

            let notAnImage = try await server.post(url, form: form([("image_strength", "0.5")], image: Data("hello".utf8)))
            #expect(notAnImage.status == 400)
            #expect(notAnImage.errorMessage?.contains("not a PNG or JPEG") == true)

            let noStrength = try await server.post(url, form: form([]))
            #expect(noStrength.status == 400)
            #expect(noStrength.errorMessage?.contains("image_strength is required") == true)

            let tooStrong = try await server.post(url, form: form([("image_strength", "1.5")]))
            #expect(tooStrong.status == 400)
            #expect(tooStrong.errorMessage == "image_strength 1.5 is not allowed: 0 to 1.")

            let wordy = try await server.post(url, form: form([("image_strength", "half")]))
            #expect(wordy.status == 400)
            #expect(wordy.errorMessage?.contains("image_strength must be a number") == true)

            let valid = form([("image_strength", "0.5")])
            let cut = valid.encoded().dropLast(30)
            let broken = try await server.send(url, body: Data(cut), headers: ["Content-Type": valid.contentType])
            #expect(broken.status == 400)
            #expect(broken.errorMessage?.contains("malformed multipart body") == true)

            let json = try await server.post(url, json: ["prompt": "x"])
            #expect(json.status == 400)
            #expect(json.errorMessage?.contains("multipart/form-data") == true)
        }
    }

    @Test func controlNetAndCannyAreRefusedWithTheReason() async throws {
        try await withServer { server in
            var control = MultipartForm()
            control.fields = [("prompt", "a fox"), ("control_net_name", "canny")]
            control.files = [("control_image", Self.initImage)]
            let answer = try await server.post(server.url("control_net", model: TestServer.playground), form: control)
            #expect(answer.status == 400)
            #expect(answer.errorMessage?.contains("no ControlNet") == true)

            var canny = MultipartForm()
            canny.fields = [("min_val", "100"), ("max_val", "200")]
            canny.files = [("image", Self.initImage)]
            let edges = try await server.post(server.url("canny_edge_detection", model: TestServer.playground), form: canny)
            #expect(edges.status == 400)
            #expect(edges.errorMessage?.contains("Canny") == true)
        }
    }
}
