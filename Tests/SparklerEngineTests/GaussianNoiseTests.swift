import Testing
@testable import SparklerEngine

@Suite struct GaussianNoiseTests {
    @Test func sameSeedGivesTheSameValues() {
        var a = GaussianNoise(seed: 42)
        var b = GaussianNoise(seed: 42)
        #expect(a.next(1000) == b.next(1000))
    }

    @Test func differentSeedsDiffer() {
        var a = GaussianNoise(seed: 1)
        var b = GaussianNoise(seed: 2)
        let (x, y) = (a.next(100), b.next(100))
        #expect(zip(x, y).filter { $0 == $1 }.count < 5)
    }

    @Test func theStreamDoesNotDependOnHowItIsSplit() {
        var whole = GaussianNoise(seed: 7)
        var pieces = GaussianNoise(seed: 7)
        #expect(whole.next(12) == pieces.next(3) + pieces.next(5) + pieces.next(1) + pieces.next(3))
    }

    @Test func valuesAreStandardNormal() {
        var noise = GaussianNoise(seed: 1234)
        let values = noise.next(100_000).map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.02)
        // A normal has 68.27% of its mass within one standard deviation and 95.45% within two.
        let withinOne = Double(values.filter { abs($0) < 1 }.count) / Double(values.count)
        let withinTwo = Double(values.filter { abs($0) < 2 }.count) / Double(values.count)
        #expect(abs(withinOne - 0.6827) < 0.01)
        #expect(abs(withinTwo - 0.9545) < 0.01)
        #expect(values.allSatisfy { $0.isFinite })
    }
}
