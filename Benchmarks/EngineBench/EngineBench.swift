import Foundation
import SparklerCore
import SparklerAdherence
@_spi(Benchmarks) import SparklerEngine

/// `make bench`: the offline engine in process. One picture at the defaults (DDIM, 20 steps, guidance 3,
/// conditional and unconditional side by side), timed over several runs, with the arithmetic rate it
/// reaches; then the same through the backend (upscaled to 512x512 and encoded), then every sampler;
/// then prompt adherence over `AdherenceSuite` (8 seeds per caption) at guidance 3 and 7, then how often
/// each shape's outline reads as that shape, then the held-out wordings. `engine-bench outlines` and
/// `engine-bench wording` run those parts alone (to judge a checkpoint exported to `SPARKLER_MODEL_DIR`),
/// `engine-bench batches` what batching pictures would gain.
@main
struct EngineBench {
    /// Multiply-adds of one forward pass for one 32x32 picture (MODEL_CARD.md: 214M), as FLOPs.
    static let flopsPerForward = 2 * 214e6

    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let model = try EngineModel(folder: EngineModelLocator.locate())
        let generator = ImageGenerator(model: model)
        let settings = EngineSettings(
            prompt: "a beautiful sunset over the ocean", canvas: ImageSize(width: 32, height: 32), steps: 20,
            guidance: 3, sampler: .ddim, seed: 42
        )
        if arguments.first == "outlines" {
            try printOutlines(generator, settings)
            return
        }
        if arguments.first == "wording" {
            try printWording(generator, settings)
            return
        }
        if arguments.first == "batches" {
            try printBatches(model, settings)
            return
        }
        let runs = arguments.first.flatMap(Int.init) ?? 20
        _ = try generator.generate(settings)

        print("| what | median | min | network passes | GFLOP/s |")
        print("|---|---|---|---|---|")
        var evaluations = 0
        let inProcess = try measure(runs) { evaluations = try generator.generate(settings).networkEvaluations }
        let gflops = Double(evaluations) * 2 * flopsPerForward / inProcess.median / 1e9
        print(row("default picture, in process (32x32, DDIM 20, CFG 3)", inProcess, passes: "\(evaluations) x batch 2", gflops: gflops))

        let backend = LocalEngineBackend(model: model)
        let request = try RequestValidator.validate(
            GenerationRequest(model: ModelCapabilities.sparklerTiny.id.path, prompt: settings.prompt, seed: 42, format: .jpeg),
            for: .sparklerTiny
        )
        let throughBackend = try await measureAsync(runs) { _ = try await backend.generate(request, model: .sparklerTiny) { _ in } }
        print(row("same through the backend, 512x512 JPEG", throughBackend, passes: "", gflops: nil))

        for sampler in Sampler.allCases {
            var each = settings
            each.sampler = sampler
            var passes = 0
            let time = try measure(max(3, runs / 4)) { passes = try generator.generate(each).networkEvaluations }
            print(row("\(sampler.rawValue), 20 steps", time, passes: "\(passes)", gflops: Double(passes) * 2 * flopsPerForward / time.median / 1e9))
        }

        try printBatches(model, settings)

        for guidance in [3.0, 7.0] {
            var tally = AdherenceTally()
            for caption in AdherenceSuite.captions {
                for seed: UInt64 in 1...8 {
                    var each = settings
                    (each.prompt, each.seed, each.guidance) = (caption, seed, guidance)
                    tally.add(AdherenceChecker().check(try generator.generate(each).image, caption: caption))
                }
            }
            print("\nPrompt adherence, DDIM 20 steps, guidance \(guidance), 8 seeds per caption:\n\(tally)")
        }
        try printOutlines(generator, settings)
        try printWording(generator, settings)
    }

    /// One forward pass over 1 to 16 copies of a picture (one thread, as each guidance branch runs): the time per
    /// picture, and whether each copy's output keeps the bits of the one-picture pass; then the rate of the
    /// network's convolution products for one picture and for eight side by side.
    static func printBatches(_ model: EngineModel, _ settings: EngineSettings) throws {
        let probe = try BatchedPassProbe(model: model, prompt: settings.prompt)
        let alone = probe.forward(batch: 1)
        print("\nBatched passes: one forward pass over N copies of a \(model.nativeSize)x\(model.nativeSize) picture, one thread:")
        print("| pictures in the pass | pass, median | per picture | per picture vs 1 | values unlike the 1-picture pass |")
        print("|---:|---:|---:|---:|---:|")
        var single = 0.0
        for batch in [1, 2, 4, 8, 16] {
            var output = probe.forward(batch: batch)
            let time = measure(max(5, 80 / batch)) { output = probe.forward(batch: batch) }
            let perPicture = time.median / Double(batch)
            if batch == 1 { single = perPicture }
            let unlike = (0..<batch).reduce(0) { count, item in
                count + (0..<probe.valuesPerPicture).count { output[item * probe.valuesPerPicture + $0].bitPattern != alone[$0].bitPattern }
            }
            print(String(format: "| %d | %.1f ms | %.2f ms | %.2fx | %d of %d |", batch, time.median * 1000, perPicture * 1000,
                         single / perPicture, unlike, batch * probe.valuesPerPicture))
        }
        print("\nThe convolutions' products, one thread (outputs x depth x columns):")
        print("| product | 1 picture | 8 pictures (columns x 8) |")
        print("|---|---:|---:|")
        for (rows, depth, columns) in probe.convolutionShapes + [(1024, 1024, 1024)] {
            let one = BatchedPassProbe.productRate(rows: rows, depth: depth, columns: columns)
            let eight = BatchedPassProbe.productRate(rows: rows, depth: depth, columns: columns * 8)
            print(String(format: "| %d x %d x %d | %.1f GFLOP/s | %.1f GFLOP/s |", rows, depth, columns, one, eight))
        }
    }

    /// `HeldOutWordings`: of the pictures of each prompt (4 seeds, the defaults), the share that shows every
    /// fact, by kind of scene, and the mean share of facts shown.
    static func printWording(_ generator: ImageGenerator, _ settings: EngineSettings) throws {
        let wordings = try HeldOutWordings()
        var shown: [String: (all: Int, pictures: Int, score: Double)] = [:]
        var misses: [String] = []
        for prompt in wordings.prompts {
            var missed: [String: Int] = [:]
            for seed: UInt64 in 1...4 {
                var each = settings
                (each.prompt, each.seed) = (prompt.text, seed)
                let checks = AdherenceChecker().check(try generator.generate(each).image, expected: prompt.facts)
                let passed = checks.filter(\.passed).count
                for check in checks where !check.passed { missed[check.name, default: 0] += 1 }
                for kind in [prompt.kind, "all"] {
                    var entry = shown[kind] ?? (0, 0, 0)
                    entry.all += passed == checks.count ? 1 : 0
                    entry.pictures += 1
                    entry.score += Double(passed) / Double(max(checks.count, 1))
                    shown[kind] = entry
                }
            }
            if !missed.isEmpty {
                misses.append("\(prompt.text): " + missed.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) of 4)" }.joined(separator: ", "))
            }
        }
        print("\nHeld-out wordings (\(wordings.prompts.count) prompts, 4 seeds each, DDIM 20 steps, guidance \(settings.guidance)):")
        print("| scenes | pictures | show every fact | mean share of facts |")
        print("|---|---:|---:|---:|")
        for (kind, entry) in shown.sorted(by: { $0.key == "all" ? false : $1.key == "all" ? true : $0.key < $1.key }) {
            print("| \(kind) | \(entry.pictures) | \(entry.all) (\(String(format: "%.3f", Double(entry.all) / Double(entry.pictures)))) | "
                + "\(String(format: "%.2f", entry.score / Double(entry.pictures))) |")
        }
        print("\nFacts missed, by prompt:\n" + misses.map { "- \($0)" }.joined(separator: "\n"))
    }

    /// `OutlineSuite`: of the pictures of each shape and size, how many read as that shape.
    static func printOutlines(_ generator: ImageGenerator, _ settings: EngineSettings) throws {
        let pictures = OutlineSuite.seeds.count
        print("\nShape outlines, DDIM 20 steps, guidance \(settings.guidance), centred, \(pictures) seeds (passes):")
        print("| shape | " + OutlineSuite.sizes.map(\.rawValue).joined(separator: " | ") + " |")
        print("|---|" + String(repeating: "---|", count: OutlineSuite.sizes.count))
        var total = 0
        for shape in SceneShape.allCases {
            let passes = try OutlineSuite.sizes.map { try OutlineSuite.passes(shape, $0, generator: generator, settings: settings) }
            total += passes.reduce(0, +)
            print("| \(shape.rawValue) | " + passes.map { "\($0)/\(pictures)" }.joined(separator: " | ") + " |")
        }
        print("all: \(total)/\(SceneShape.allCases.count * OutlineSuite.sizes.count * pictures)")
    }

    struct Timing {
        var median: Double
        var minimum: Double
    }

    static func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> Timing {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            times.append((ContinuousClock.now - start).inSeconds)
        }
        return summary(times)
    }

    static func measureAsync(_ runs: Int, _ body: @Sendable () async throws -> Void) async rethrows -> Timing {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try await body()
            times.append((ContinuousClock.now - start).inSeconds)
        }
        return summary(times)
    }

    static func summary(_ times: [Double]) -> Timing {
        let sorted = times.sorted()
        return Timing(median: sorted[sorted.count / 2], minimum: sorted[0])
    }

    static func row(_ what: String, _ timing: Timing, passes: String, gflops: Double?) -> String {
        let rate = gflops.map { String(format: "%.1f", $0) } ?? ""
        return "| \(what) | \(String(format: "%.1f ms", timing.median * 1000)) | \(String(format: "%.1f ms", timing.minimum * 1000)) | \(passes) | \(rate) |"
    }
}
