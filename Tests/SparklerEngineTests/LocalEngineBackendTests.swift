import Foundation
import SparklerCore
import Synchronization
import Testing
@testable import SparklerEngine

/// The offline engine as a backend: validated requests in, encoded pictures out, seeds reproducible,
/// progress with previews, cancellation, image to image.
@Suite struct LocalEngineBackendTests {
    static let backend = Result { LocalEngineBackend(model: try UNetParityTests.model.get()) }
    let model = ModelCapabilities.sparklerTiny

    func request(
        _ prompt: String = "a red circle on a blue background", seed: Int = 3, steps: Int = 6, cfg: Double = 3,
        samples: Int = 1, size: Int = 64, format: ImageFormat = .png, mode: GenerationMode = .textToImage
    ) throws -> GenerationRequest {
        try RequestValidator.validate(GenerationRequest(
            model: model.id.path, prompt: prompt, shape: .size(ImageSize(width: size, height: size)), cfgScale: cfg,
            steps: steps, seed: seed, samples: samples, format: format, mode: mode
        ), for: capabilities(sizes: [size]))
    }

    /// sparkler-tiny with extra small sizes, so tests stay quick.
    func capabilities(sizes: [Int]) -> ModelCapabilities {
        var capabilities = model
        capabilities.sizes += sizes.map { ImageSize(width: $0, height: $0) }
        return capabilities
    }

    func generate(_ request: GenerationRequest, progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }) async throws -> GenerationResult {
        try await Self.backend.get().generate(request, model: capabilities(sizes: [64]), progress: progress)
    }

    @Test func theSameRequestGivesTheSameBytes() async throws {
        let first = try await generate(try request())
        let second = try await generate(try request())
        #expect(first.images[0].data == second.images[0].data)
        #expect(first.images[0].seed == 3)
        let other = try await generate(try request(seed: 4))
        #expect(other.images[0].data != first.images[0].data)
    }

    @Test func seedZeroPicksARandomSeedAndReportsIt() async throws {
        let first = try await generate(try request(seed: 0))
        let second = try await generate(try request(seed: 0))
        let seed = try #require(first.seed)
        #expect((1...RequestValidator.maxSeed).contains(seed))
        #expect(first.seed != second.seed)
        // The reported seed remakes the picture.
        let again = try await generate(try request(seed: seed))
        #expect(again.images[0].data == first.images[0].data)
    }

    @Test func eachSampleUsesTheNextSeedAndCanBeRemadeAlone() async throws {
        let batch = try await generate(try request(seed: 40, samples: 3))
        #expect(batch.images.map(\.seed) == [40, 41, 42])
        let alone = try await generate(try request(seed: 41))
        #expect(batch.images[1].data == alone.images[0].data)
    }

    @Test func picturesComeAtTheRequestedSizeAndFormat() async throws {
        let result = try await generate(try request(format: .jpeg))
        let image = try ImageCodec.decode(result.images[0].data)
        #expect(ImageCodec.sniffFormat(result.images[0].data) == .jpeg)
        #expect(image.size == ImageSize(width: 64, height: 64))
        #expect(result.stepsBilled == 0, "nothing is billed offline")
    }

    @Test func everyStepReportsProgressWithAPreview() async throws {
        let events = Mutex<[GenerationProgress]>([])
        _ = try await generate(try request(steps: 5, samples: 2)) { event in events.withLock { $0.append(event) } }
        let steps = events.withLock { $0 }.compactMap { event -> (Int, Int, RGBAImage?)? in
            guard case .step(let step, let total, let preview) = event else { return nil }
            return (step, total, preview)
        }
        #expect(steps.map(\.0) == Array(1...10))
        #expect(steps.allSatisfy { $0.1 == 10 })
        #expect(steps.allSatisfy { $0.2?.size == ImageSize(width: 32, height: 32) })
    }

    @Test func guidanceChangesThePicture() async throws {
        let weak = try ImageCodec.decode(try await generate(try request(cfg: 1)).images[0].data)
        let strong = try ImageCodec.decode(try await generate(try request(cfg: 7)).images[0].data)
        #expect(meanDifference(weak, strong) > 5)
    }

    @Test func cancellingStopsTheRunAtTheNextStep() async throws {
        let steps = Mutex(0)
        let (firstStep, stepped) = AsyncStream.makeStream(of: Void.self)
        // The first step's report holds the engine until the test has cancelled: no race with a busy machine.
        let cancelled = DispatchSemaphore(value: 0)
        let task = Task {
            try await generate(try request(steps: 150, size: 64)) { _ in
                if steps.withLock({ $0 += 1; return $0 }) == 1 {
                    stepped.yield()
                    cancelled.wait()
                }
            }
        }
        for await _ in firstStep { break }
        task.cancel()
        cancelled.signal()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(steps.withLock { $0 } == 1, "the run stopped at the step after the cancel")
    }

    @Test func imageToImageKeepsAsMuchOfTheInitImageAsAsked() async throws {
        let initImage = try #require(RGBAImage(width: 64, height: 64, red: 250, green: 220, blue: 30))
        let upload = InputImage(data: try ImageCodec.encode(initImage, as: .png), fileName: "yellow.png")
        func run(keeping strength: Double) async throws -> RGBAImage {
            let mode = GenerationMode.imageToImage(InitImage(image: upload, schedule: .imageStrength(strength)))
            return try ImageCodec.decode(try await generate(try request("a blue square on a green background", steps: 10, mode: mode)).images[0].data)
        }
        let kept = try await run(keeping: 1)
        let mostly = try await run(keeping: 0.7)
        let little = try await run(keeping: 0.1)
        #expect(meanDifference(kept, initImage) < 2, "strength 1 keeps the init image")
        #expect(meanDifference(mostly, initImage) < meanDifference(little, initImage))
    }

    @Test func controlNetIsRefusedWithAReason() async throws {
        let control = InputImage(data: Data([1, 2, 3]), fileName: "edges.png")
        let request = GenerationRequest(prompt: "a circle", mode: .controlNet(ControlNetSettings(image: control, netName: "canny")))
        await #expect(throws: LocalEngineError.unsupported("the offline engine has no ControlNet; use text to image or image to image")) {
            try await generate(request)
        }
    }

    @Test func coverageReportsUnknownAndTruncatedWords() throws {
        let coverage = try Self.backend.get().coverage(
            of: "a dragon " + String(repeating: "red ", count: 25), model: model
        )
        #expect(coverage.unknownWords == ["dragon"])
        #expect(coverage.truncatedWords.count == 7)
    }

    @Test func aspectRatiosDrawOnACanvasOfAboutTheNativeArea() {
        #expect(EngineCanvas.size(for: ImageSize(width: 1024, height: 1024), nativeSide: 32) == ImageSize(width: 32, height: 32))
        #expect(EngineCanvas.size(for: ImageSize(width: 1344, height: 768), nativeSide: 32) == ImageSize(width: 44, height: 24))
        #expect(EngineCanvas.size(for: ImageSize(width: 640, height: 1536), nativeSide: 32) == ImageSize(width: 20, height: 48))
    }

    func meanDifference(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        let b = b.resized(to: a.size)
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(a.pixels.count)
    }
}
