import Foundation
import Testing
@testable import SparklerCore

@Suite struct RequestValidatorTests {
    let catalogue = ModelCatalogue()

    private func validate(_ request: GenerationRequest, model: String = ModelCatalogue.defaultModelID) throws -> GenerationRequest {
        try RequestValidator.validate(request, for: try catalogue.resolve(model))
    }

    private func rejection(_ request: GenerationRequest, model: String = ModelCatalogue.defaultModelID) -> ParameterError? {
        do {
            _ = try validate(request, model: model)
            return nil
        } catch let error as ParameterError {
            return error
        } catch {
            return nil
        }
    }

    @Test func playgroundRejectsSizeOutsideSDXLSetAndListsAllNine() throws {
        let error = try #require(rejection(GenerationRequest(prompt: "a fox", shape: .size(ImageSize(width: 1000, height: 1000)))))
        #expect(error.field == "size")
        #expect(error.value == "1000x1000")
        #expect(ModelCapabilities.sdxlSizes.count == 9)
        for size in ModelCapabilities.sdxlSizes {
            #expect(error.description.contains(size.description))
        }
    }

    /// With no size named, image to image and ControlNet make the input picture's size when the model offers
    /// it (what Fireworks answers), else the model's default; a size named wins.
    @Test(arguments: [(832, 1216, 832, 1216), (1000, 700, 1024, 1024)])
    func inputPictureSetsTheSizeWhenNoneIsNamed(width: Int, height: Int, expectedWidth: Int, expectedHeight: Int) throws {
        let picture = try #require(RGBAImage(width: width, height: height, red: 10, green: 20, blue: 30))
        let input = InputImage(data: try PNGCodec.encode(picture), fileName: "start.png")
        let expected = ImageShape.size(ImageSize(width: expectedWidth, height: expectedHeight))
        let edit = GenerationRequest(prompt: "a fox", mode: .imageToImage(InitImage(image: input, schedule: .imageStrength(0.5))))
        #expect(try validate(edit).shape == expected)
        let control = GenerationRequest(prompt: "a fox", mode: .controlNet(ControlNetSettings(image: input, netName: "canny")))
        #expect(try validate(control).shape == expected)
        var named = edit
        named.shape = .size(ImageSize(width: 1344, height: 768))
        #expect(try validate(named).shape == named.shape)
    }

    @Test func fillsTheModelsDefaults() throws {
        let request = try validate(GenerationRequest(model: "playground-v2-1024px-aesthetic", prompt: "a fox"))
        #expect(request.model == "accounts/fireworks/models/playground-v2-1024px-aesthetic")
        #expect(request.shape == .size(ImageSize(width: 1024, height: 1024)))
        #expect(request.cfgScale == 3)
        #expect(request.steps == 30)
        #expect(request.billedSteps == 30)
    }

    @Test(arguments: [
        (GenerationRequest(prompt: "  "), "prompt", "type what"),
        (GenerationRequest(prompt: "x", cfgScale: 40), "cfg", "0 to 35"),
        (GenerationRequest(prompt: "x", cfgScale: .nan), "cfg", "0 to 35"),
        (GenerationRequest(prompt: "x", steps: 151), "steps", "1 to 150"),
        (GenerationRequest(prompt: "x", steps: 0), "steps", "1 to 150"),
        (GenerationRequest(prompt: "x", seed: -1), "seed", "2147483647"),
        (GenerationRequest(prompt: "x", seed: 2_147_483_648), "seed", "0 (random)"),
        (GenerationRequest(prompt: "x", samples: 0), "samples", "1 to 10"),
        (GenerationRequest(prompt: "x", jpegQuality: 101), "JPEG quality", "0 to 100"),
        (GenerationRequest(prompt: "x", shape: .aspectRatio("16:9")), "aspect ratio", "takes a size instead"),
    ])
    func rejectsWithTheAllowedRange(request: GenerationRequest, field: String, allowed: String) throws {
        let error = try #require(rejection(request))
        #expect(error.field == field)
        #expect(error.allowed.contains(allowed), "\(error)")
    }

    @Test func fluxTakesAspectRatiosAndNoSampler() throws {
        let flux = "flux-1-schnell-fp8"
        let valid = try validate(GenerationRequest(prompt: "x", shape: .aspectRatio("16:9")), model: flux)
        #expect(valid.steps == 4)
        #expect(valid.cfgScale == 3.5)
        #expect(rejection(GenerationRequest(prompt: "x", shape: .size(ImageSize(width: 1024, height: 1024))), model: flux)?.field == "size")
        #expect(rejection(GenerationRequest(prompt: "x", shape: .aspectRatio("7:3")), model: flux)?.allowed.contains("21:9") == true)
        #expect(rejection(GenerationRequest(prompt: "x", sampler: .euler), model: flux)?.field == "sampler")
        #expect(rejection(GenerationRequest(prompt: "x", negativePrompt: "blur"), model: flux)?.field == "negative prompt")
        let image = InputImage(data: Data([1]), fileName: "a.png")
        let imageToImage = GenerationRequest(prompt: "x", mode: .imageToImage(InitImage(image: image, schedule: .imageStrength(0.5))))
        #expect(rejection(imageToImage, model: flux)?.field == "mode")
    }

    @Test func imageModesCheckTheirFractions() {
        let image = InputImage(data: Data([1]), fileName: "a.png")
        func initImage(_ schedule: InitImageSchedule) -> GenerationRequest {
            GenerationRequest(prompt: "x", mode: .imageToImage(InitImage(image: image, schedule: schedule)))
        }
        #expect(rejection(initImage(.imageStrength(0.4))) == nil)
        #expect(rejection(initImage(.imageStrength(1.5)))?.field == "strength")
        #expect(rejection(initImage(.stepSchedule(start: 0.8, end: 0.2)))?.field == "schedule")
        #expect(rejection(initImage(.stepSchedule(start: 0.2, end: 1.2)))?.field == "schedule end")
        let control = ControlNetSettings(image: image, netName: "canny", conditioningScale: 3)
        #expect(rejection(GenerationRequest(prompt: "x", mode: .controlNet(control)))?.field == "conditioning scale")
        let unnamed = ControlNetSettings(image: image, netName: " ")
        #expect(rejection(GenerationRequest(prompt: "x", mode: .controlNet(unnamed)))?.field == "control net")
    }

    @Test func unknownModelListsTheKnownOnes() {
        #expect {
            try catalogue.resolve("dall-e-3")
        } throws: { error in
            "\(error)".contains("playground-v2-1024px-aesthetic") && "\(error)".contains("config.toml")
        }
    }

    @Test(arguments: [
        ("playground-v2-1024px-aesthetic", "accounts/fireworks/models/playground-v2-1024px-aesthetic"),
        ("accounts/fireworks/models/playground-v2-1024px-aesthetic", "accounts/fireworks/models/playground-v2-1024px-aesthetic"),
        ("accounts/me/models/custom", "accounts/me/models/custom"),
    ])
    func modelIDsNeverDoubleThePath(text: String, path: String) {
        #expect(ModelID(parsing: text)?.path == path)
    }

    @Test(arguments: ["", "accounts/x", "a/b/c/d", "accounts//models/m", "accounts/a/models/"])
    func malformedModelIDsAreRejected(text: String) {
        #expect(ModelID(parsing: text) == nil)
    }

    @Test func samplersParseAsUsersTypeThem() {
        #expect(Sampler(userValue: "dpmpp_2m") == .dpmpp2M)
        #expect(Sampler(userValue: "K_EULER_ANCESTRAL") == .eulerAncestral)
        #expect(Sampler(userValue: "ddim") == .ddim)
        #expect(Sampler(userValue: "plms") == nil)
    }
}

/// Prompts are bounded, with the limit in the message, and hold no NUL (which C strings would cut at).
@Suite struct PromptLimitTests {
    private let model = ModelCapabilities.sparklerTiny

    private func message(_ request: GenerationRequest) -> String? {
        do {
            _ = try RequestValidator.validate(request, for: model)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aPromptUpToTheLimitIsTaken() throws {
        let longest = String(repeating: "é", count: RequestValidator.maxPromptCharacters)
        #expect(longest.utf8.count == 20_000, "bytes are not characters")
        #expect(message(GenerationRequest(prompt: longest)) == nil)
    }

    @Test func aLongerPromptOrNegativePromptIsRefusedWithTheLimit() {
        let tooLong = String(repeating: "a", count: 10_001)
        #expect(message(GenerationRequest(prompt: tooLong)) == "prompt of 10,001 characters is not allowed: at most 10,000 characters.")
        #expect(message(GenerationRequest(prompt: "a fox", negativePrompt: tooLong + "bc"))
            == "negative prompt of 10,003 characters is not allowed: at most 10,000 characters.")
    }

    @Test func aNULIsRefusedWhereItIs() {
        #expect(message(GenerationRequest(prompt: "a fox\u{0} in the snow"))
            == "prompt with a NUL character (character 6) is not allowed: remove it; a prompt is text without NUL characters.")
    }
}
