import Foundation
import Testing
@testable import SparklerCore

/// Random valid requests for every built-in model (both API families, every mode each offers) keep every
/// parameter through the places a request is stored: its JSON document, a history row in a real SQLite
/// file (input image bytes included), and the provenance embedded in the stored picture.
@Suite struct RequestRoundTripTests {
    static let count = 120

    @Test func historyGivesBackTheRequestThatWasRecorded() throws {
        let history = try TemporaryHistory()
        var random = SeededGenerator(seed: 2026)
        for index in 0..<Self.count {
            let request = try RandomRequest.make(&random)
            let document = try HistoryEntry.documentEncoder.encode(request)
            #expect(try JSONDecoder().decode(GenerationRequest.self, from: document) == request.withImageNamed,
                    "request \(index) through its JSON document")

            let picture = GeneratedImage(
                data: HistoryFixtures.png(gray: UInt8(index % 256)), format: request.format,
                size: RandomRequest.pictureSize(of: request), seed: request.seed == 0 ? 77 : request.seed, finishReason: .success)
            let entry = try #require(try history.store.record(
                request: request, backend: "fireworks", result: HistoryFixtures.result([picture])).first)
            let id = try #require(entry.id)
            let stored = try #require(try history.store.entry(id: id))
            #expect(stored.request == request.withImageNamed, "request \(index) in its history row")
            #expect(try history.store.request(for: stored, reusingSeed: false) == request,
                    "request \(index) to run again, its input image read back")

            let data = try #require(try history.store.imageData(for: stored))
            let provenance = try #require(try ImageProvenance.read(from: data))
            let imported = HistoryEntry(provenance: provenance, groupID: "import").request
            var expected = request.withImageNamed
            expected.seed = picture.seed
            expected.samples = 1
            #expect(imported == expected, "request \(index) through the picture's provenance")
        }
    }
}

/// A request the validator accepts, every value drawn at random from what the model offers.
private enum RandomRequest {
    static func make(_ random: inout SeededGenerator) throws -> GenerationRequest {
        let model = ModelCatalogue.builtInModels.randomElement(using: &random)!
        var request = GenerationRequest(
            model: model.id.path, prompt: ["a red fox", "a lighthouse at dusk", "two blue circles"].randomElement(using: &random)!,
            cfgScale: (Double(Int.random(in: 0...Int(model.guidance.upperBound * 2), using: &random)) / 2),
            steps: Int.random(in: model.steps.lowerBound...model.steps.upperBound, using: &random),
            seed: Int.random(in: 0...RequestValidator.maxSeed, using: &random),
            samples: Int.random(in: 1...model.maxSamples, using: &random),
            format: ImageFormat.allCases.randomElement(using: &random)!
        )
        request.shape = model.family == .flux
            ? .aspectRatio(model.aspectRatios.randomElement(using: &random)!)
            : .size(model.sizes.randomElement(using: &random)!)
        if model.family == .stableDiffusion {
            if Bool.random(using: &random) { request.negativePrompt = "blurry" }
            request.sampler = Bool.random(using: &random) ? model.samplers.randomElement(using: &random) : nil
            request.safetyCheck = Bool.random(using: &random)
            if Bool.random(using: &random) { request.stylePreset = "photographic" }
            if Bool.random(using: &random) {
                request.loraAdapterName = "my-adapter"
                request.loraWeightFilename = "weights.safetensors"
            }
        }
        if request.format == .jpeg, Bool.random(using: &random) {
            request.jpegQuality = Int.random(in: 0...100, using: &random)
        }
        let image = InputImage(data: HistoryFixtures.png(gray: UInt8.random(in: 0...255, using: &random)), fileName: "start-\(random.next() % 100).png")
        switch model.modes.randomElement(using: &random)! {
        case .textToImage:
            break
        case .imageToImage:
            let schedule: InitImageSchedule = Bool.random(using: &random)
                ? .imageStrength(fraction(&random))
                : .stepSchedule(start: 0.25, end: 0.25 + fraction(&random) * 0.75)
            request.mode = .imageToImage(InitImage(image: image, schedule: schedule, cropPadding: Bool.random(using: &random)))
        case .controlNet:
            request.mode = .controlNet(ControlNetSettings(
                image: image, netName: ["canny", "depth"].randomElement(using: &random)!,
                conditioningScale: fraction(&random) * 2, stepScheduleStart: 0, stepScheduleEnd: fraction(&random),
                cropPadding: Bool.random(using: &random)))
        }
        return try RequestValidator.validate(request, for: model)
    }

    /// SD models draw the size asked for; FLUX pictures are about a megapixel at the ratio.
    static func pictureSize(of request: GenerationRequest) -> ImageSize {
        if case .size(let size) = request.shape { return size }
        return ImageSize(width: 1024, height: 1024)
    }

    /// Quarters, so that every value survives decimal text exactly.
    private static func fraction(_ random: inout SeededGenerator) -> Double {
        Double(Int.random(in: 0...4, using: &random)) / 4
    }
}

extension GenerationRequest {
    /// The request as a stored document keeps it: its input image by name.
    var withImageNamed: GenerationRequest {
        var named = self
        if let image = mode.image { named.mode = mode.replacingImage(with: image.named) }
        return named
    }
}
