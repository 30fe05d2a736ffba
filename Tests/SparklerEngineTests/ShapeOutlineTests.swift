import SparklerCore
import Testing
@testable import SparklerAdherence
@testable import SparklerEngine

/// Shapes come out as their shapes, not blobs: at the defaults users get (DDIM, 20 steps, guidance 3),
/// most of `OutlineSuite`'s pictures of each shape and size must read as that shape. `make bench` prints
/// the same counts.
@Suite struct ShapeOutlineTests {
    /// Of the 8 pictures per shape and size. Measured on the shipped model: see MODEL_CARD.md; the floor
    /// leaves room for a seed or two that flips, not for squares drawn as discs or stars as blobs.
    static let floor = 5

    @Test(arguments: SceneShape.allCases) func eachShapeKeepsItsOutline(shape: SceneShape) async throws {
        let passes = try await EngineTestQueue.run { try Self.passes(shape) }
        for (size, count) in zip(OutlineSuite.sizes, passes) {
            #expect(count >= Self.floor, "\(size.rawValue) \(shape.rawValue): \(count) of \(OutlineSuite.seeds.count) read as a \(shape.rawValue)")
        }
    }

    private static func passes(_ shape: SceneShape) throws -> [Int] {
        let generator = try SamplerConvergenceTests.generator.get()
        let defaults = EngineSettings(prompt: "", canvas: ImageSize(width: 32, height: 32), steps: 20, guidance: 3, sampler: .ddim, seed: 1)
        return try OutlineSuite.sizes.map { try OutlineSuite.passes(shape, $0, generator: generator, settings: defaults) }
    }
}
