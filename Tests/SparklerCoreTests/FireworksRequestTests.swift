import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// What the backend sends: paths, headers, JSON fields and multipart parts.
@Suite struct FireworksRequestTests {
    @Test func textToImageSendsJSONFieldsToTheModelPath() async throws {
        try await withHarness { harness in
            var request = smallRequest()
            request.negativePrompt = "fog"
            request.sampler = .dpmpp2M
            request.safetyCheck = true
            request.stylePreset = "photographic"
            _ = try await harness.generate(request)

            let sent = try #require(harness.server.requests.first)
            #expect(sent.method == "POST")
            #expect(sent.path == "/inference/v1/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic")
            #expect(sent.header("Content-Type") == "application/json")
            let json = try #require(sent.json)
            #expect(json["prompt"] == .string("a lighthouse at dusk"))
            #expect(json["negative_prompt"] == .string("fog"))
            #expect(json["cfg_scale"] == .int(7))
            #expect(json["steps"] == .int(20))
            #expect(json["seed"] == .int(42))
            #expect(json["samples"] == .int(1))
            #expect(json["width"] == .int(64))
            #expect(json["height"] == .int(48))
            #expect(json["sampler"] == .string("K_DPMPP_2M"))
            #expect(json["safety_check"] == .bool(true))
            #expect(json["style_preset"] == .string("photographic"))
        }
    }

    @Test func fractionalGuidanceIsSentAsANumber() async throws {
        try await withHarness { harness in
            var request = smallRequest()
            request.cfgScale = 7.5
            _ = try await harness.generate(request)
            #expect(harness.server.requests.first?.json?["cfg_scale"] == .double(7.5))
        }
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func oneSampleAcceptsTheRequestedImageFormat(format: ImageFormat) async throws {
        try await withHarness { harness in
            _ = try await harness.generate(smallRequest(format: format))
            #expect(harness.server.requests.first?.header("Accept") == format.mimeType)
        }
    }

    @Test func severalSamplesAcceptJSON() async throws {
        try await withHarness { harness in
            _ = try await harness.generate(smallRequest(samples: 2))
            #expect(harness.server.requests.first?.header("Accept") == "application/json")
        }
    }

    @Test func jpegQualityHeaderOnlyForJPEGWithAQuality() async throws {
        try await withHarness { harness in
            var jpeg = smallRequest(format: .jpeg)
            jpeg.jpegQuality = 75
            _ = try await harness.generate(jpeg)
            var png = smallRequest(format: .png)
            png.jpegQuality = 75
            _ = try await harness.generate(png)
            _ = try await harness.generate(smallRequest(format: .jpeg))

            let requests = harness.server.requests
            try #require(requests.count == 3)
            #expect(requests[0].header("Jpeg-Quality") == "75")
            #expect(requests[1].header("Jpeg-Quality") == nil)
            #expect(requests[2].header("Jpeg-Quality") == nil)
        }
    }

    @Test func imageToImageWithStrengthSendsMultipart() async throws {
        try await withHarness { harness in
            let initData = try TestImages.encoded(width: 40, height: 30, format: .png)
            let mode = GenerationMode.imageToImage(
                InitImage(image: InputImage(data: initData, fileName: "/tmp/photos/start.png"), schedule: .imageStrength(0.65))
            )
            let result = try await harness.generate(smallRequest(mode: mode))

            let sent = try #require(harness.server.requests.first)
            #expect(sent.path.hasSuffix("/models/playground-v2-1024px-aesthetic/image_to_image"))
            #expect(sent.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
            #expect(sent.bodyProblem == nil)
            #expect(sent.fields["init_image_mode"] == "IMAGE_STRENGTH")
            #expect(sent.fields["image_strength"] == "0.65")
            #expect(sent.fields["cfg_scale"] == "7")
            #expect(sent.fields["steps"] == "20")
            #expect(sent.fields["seed"] == "42")
            #expect(sent.fields["safety_check"] == "false")
            #expect(sent.fields["crop_padding"] == "true")
            #expect(sent.fields["prompt"] == "a lighthouse at dusk")
            // The size travels as the official client sends it; the test server answers at the size named.
            #expect(sent.fields["width"] == "64" && sent.fields["height"] == "48")
            #expect(sent.fields["step_schedule_start"] == nil)
            let file = try #require(sent.files["init_image"])
            #expect(file.fileName == "start.png")
            #expect(file.contentType == "image/png")
            #expect(file.data == initData)
            #expect(result.images.first?.size == ImageSize(width: 64, height: 48))
        }
    }

    @Test func imageToImageWithStepScheduleSendsBothEnds() async throws {
        try await withHarness { harness in
            let initData = try TestImages.encoded(width: 16, height: 16, format: .jpeg)
            let mode = GenerationMode.imageToImage(
                InitImage(
                    image: InputImage(data: initData, fileName: "start.jpg"),
                    schedule: .stepSchedule(start: 0.5, end: 1), cropPadding: false
                )
            )
            _ = try await harness.generate(smallRequest(mode: mode))

            let sent = try #require(harness.server.requests.first)
            #expect(sent.fields["init_image_mode"] == "STEP_SCHEDULE")
            #expect(sent.fields["step_schedule_start"] == "0.5")
            #expect(sent.fields["step_schedule_end"] == "1")
            #expect(sent.fields["image_strength"] == nil)
            #expect(sent.fields["crop_padding"] == "false")
            #expect(sent.files["init_image"]?.contentType == "image/jpeg")
        }
    }

    @Test func controlNetSendsControlImageAndSettings() async throws {
        try await withHarness { harness in
            let controlData = try TestImages.encoded(width: 24, height: 32, format: .png)
            let mode = GenerationMode.controlNet(
                ControlNetSettings(
                    image: InputImage(data: controlData, fileName: "edges.png"), netName: "canny",
                    conditioningScale: 0.8, stepScheduleStart: 0.1, stepScheduleEnd: 0.9
                )
            )
            let result = try await harness.generate(smallRequest(mode: mode))

            let sent = try #require(harness.server.requests.first)
            #expect(sent.path.hasSuffix("/models/playground-v2-1024px-aesthetic/control_net"))
            #expect(sent.fields["control_net_name"] == "canny")
            #expect(sent.fields["conditioning_scale"] == "0.8")
            #expect(sent.fields["step_schedule_start"] == "0.1")
            #expect(sent.fields["step_schedule_end"] == "0.9")
            #expect(sent.fields["crop_padding"] == "true")
            #expect(sent.files["control_image"]?.fileName == "edges.png")
            #expect(sent.files["control_image"]?.data == controlData)
            // The size sets ControlNet's output (Fireworks' FAQ), not the control image's.
            #expect(sent.fields["width"] == "64" && sent.fields["height"] == "48")
            #expect(result.images.first?.size == ImageSize(width: 64, height: 48))
        }
    }

    @Test func fluxUsesTheWorkflowEndpointAndItsFields() async throws {
        try await withHarness { harness in
            let request = GenerationRequest(
                model: TestModels.fluxSchnell.id.path, prompt: "a red kite", shape: .aspectRatio("16:9"),
                cfgScale: 3.5, steps: 4, seed: 9, format: .jpeg
            )
            let result = try await harness.generate(request, model: TestModels.fluxSchnell)

            let sent = try #require(harness.server.requests.first)
            #expect(sent.path == "/inference/v1/workflows/accounts/fireworks/models/flux-1-schnell-fp8/text_to_image")
            // One picture: its bytes in the format it is written in, never JSON to re-encode.
            #expect(sent.header("Accept") == "image/jpeg")
            let json = try #require(sent.json)
            #expect(Set(json.keys) == ["prompt", "aspect_ratio", "guidance_scale", "num_inference_steps", "seed"])
            #expect(json["aspect_ratio"] == .string("16:9"))
            #expect(json["guidance_scale"] == .double(3.5))
            #expect(json["num_inference_steps"] == .int(4))
            #expect(json["seed"] == .int(9))
            let image = try #require(result.images.first)
            #expect(image.size.width > image.size.height)
            #expect(image.seed == 9)
            #expect(result.stepsBilled == 4)
        }
    }

    @Test func baseURLWithTrailingSlashesAndAFullModelPathNeverDoubleUp() async throws {
        let server = try await FireworksTestServer.start(apiKey: FireworksHarness.apiKey)
        var configuration = server.configuration()
        configuration.baseURL = server.baseURL + "//"
        let backend = FireworksBackend(configuration: configuration)
        let custom = ModelCapabilities.stableDiffusionXL(
            try #require(ModelID(parsing: "accounts/acme/models/house-style")), displayName: "House", cfgDefault: 7
        )
        let outcome = await capture { try await backend.generate(smallRequest(), model: custom) { _ in } }
        #expect(throws: Never.self) { try outcome.get() }
        #expect(server.requests.first?.path == "/inference/v1/image_generation/accounts/acme/models/house-style")
        await backend.shutdown()
        await server.shutdown()
    }

    @Test func theKeyTravelsOnlyInTheAuthorizationHeader() async throws {
        try await withHarness { harness in
            let initData = try TestImages.encoded(width: 16, height: 16, format: .png)
            _ = try await harness.generate(smallRequest())
            _ = try await harness.generate(smallRequest(samples: 2))
            _ = try await harness.generate(
                smallRequest(mode: .imageToImage(InitImage(image: InputImage(data: initData, fileName: "a.png"), schedule: .imageStrength(0.3))))
            )
            _ = try await harness.generate(
                GenerationRequest(prompt: "x", shape: .aspectRatio("1:1"), seed: 1), model: TestModels.fluxSchnell
            )
            let key = FireworksHarness.apiKey
            for sent in harness.server.requests {
                #expect(sent.header("Authorization") == "Bearer \(key)")
                #expect(!sent.uri.contains(key))
                #expect(sent.body.range(of: Data(key.utf8)) == nil)
                for header in sent.headers where header.name.lowercased() != "authorization" {
                    #expect(!header.value.contains(key))
                }
            }
            #expect(!String(describing: harness.backend.configuration).contains(key))
        }
    }
}
