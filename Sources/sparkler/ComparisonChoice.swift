import ArgumentParser
import SparklerCore

/// What `compare` varies: exactly one of `--count`, `--seeds` or `--vary` (once or twice).
struct ComparisonChoice: ParsableArguments {
    @Option(name: .long, help: "How many seeds side by side (2-36): --seed and the ones after it, or random ones.")
    var count: Int?

    @Option(name: .long, help: ArgumentHelp("These seeds side by side, comma-separated.", valueName: "1,2,3"))
    var seeds: String?

    @Option(name: .long, help: ArgumentHelp(
        "Vary seed, cfg, steps or sampler across the grid; a second --vary makes the rows (an X/Y plot).",
        valueName: "name=v1,v2,..."))
    var vary: [String] = []

    /// The plan for `base` (a request of one picture). Sweeps that leave the seed alone get one fixed
    /// seed, so that only the varied parameter differs between cells.
    func plan(_ base: GenerationRequest, model: ModelCapabilities) throws -> ComparisonPlan {
        let given = [count != nil, seeds != nil, !vary.isEmpty].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError("Give one of --count N, --seeds 1,2,3 or --vary NAME=V1,V2 (twice for an X/Y plot).")
        }
        guard vary.count <= 2 else {
            throw ValidationError("--vary can be given at most twice: once across, once down.")
        }
        return try CommandSetup.usage { () throws(ParameterError) in
            if let count {
                return try .seeds(base, count: count, firstSeed: base.seed == 0 ? nil : base.seed, model: model)
            }
            if let seeds {
                return try .sweep(base, across: SweepAxis(parsing: "seed=\(seeds)"), down: nil, model: model)
            }
            let axes = try vary.map { text throws(ParameterError) in try SweepAxis(parsing: text) }
            var fixed = base
            if fixed.seed == 0, !axes.contains(where: { $0.parameter == .seed }) {
                fixed.seed = Int.random(in: 1...RequestValidator.maxSeed)
            }
            return try .sweep(fixed, across: axes[0], down: axes.count > 1 ? axes[1] : nil, model: model)
        }
    }
}
