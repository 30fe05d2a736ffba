import SparklerEngine

/// Whether the engine draws each shape as that shape rather than a blob: for every shape at big and
/// medium size, one centred picture per seed with its own pair of colours, judged by the adherence
/// checker's outline check. Small shapes are too few pixels to judge (`ShapeChecks.outlineSize`).
public enum OutlineSuite {
    public static let sizes: [SceneShapeSize] = [.big, .medium]
    public static let seeds: ClosedRange<UInt64> = 1...8

    /// "a big red star on a blue background"; the colours differ from seed to seed and never match.
    public static func caption(_ shape: SceneShape, _ size: SceneShapeSize, seed: UInt64) -> String {
        let colors = SceneColor.allCases, index = Int(seed % UInt64(colors.count))
        let color = colors[index], background = colors[(index + 4) % colors.count]
        let sizeWord = size == .medium ? "" : "\(size.rawValue) "
        return "a \(sizeWord)\(color.rawValue) \(shape.rawValue) on a \(background.rawValue) background"
    }

    /// How many of the pictures of `shape` at `size` read as that shape, each made with `settings` but
    /// for its caption and seed.
    public static func passes(_ shape: SceneShape, _ size: SceneShapeSize, generator: ImageGenerator,
                              settings: EngineSettings) throws -> Int {
        try seeds.count { seed in
            var each = settings
            (each.prompt, each.seed) = (caption(shape, size, seed: seed), seed)
            let report = AdherenceChecker().check(try generator.generate(each).image, caption: each.prompt)
            return report.checks.contains { $0.name == "\(shape.rawValue) outline looks like a \(shape.rawValue)" && $0.passed }
        }
    }
}
