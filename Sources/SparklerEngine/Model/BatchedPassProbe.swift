import SparklerCore

/// For `engine-bench`: what batching pictures would gain, measured rather than assumed (issue #16 asked
/// `sparkler serve` to batch requests). A forward pass over any number of copies of one noisy picture,
/// and the rate of one matrix product of a given shape. Sparkler itself does not use it.
@_spi(Benchmarks) public struct BatchedPassProbe {
    /// Reused by every pass, as a run reuses it across steps.
    private let workspace = Workspace()
    private let network: SparklerUNet
    private let caption: SparklerUNet.PreparedCaption
    private let picture: [Float]
    private let side: Int

    public init(model: EngineModel, prompt: String) throws {
        network = try model.network()
        caption = network.prepare(model.tokenizer.encode(prompt).ids)
        side = model.nativeSize
        var noise = GaussianNoise(seed: 1)
        picture = noise.next(3 * side * side)
    }

    /// Values of one picture's output.
    public var valuesPerPicture: Int { 3 * side * side }

    /// The velocity of `batch` copies of the picture at timestep 500, batch-major.
    public func forward(batch: Int) -> [Float] {
        let copies = Array(Array(repeating: picture, count: batch).joined())
        let input = FeatureMap(batchMajor: copies, batch: batch, channels: 3, height: side, width: side)
        let captions = Array(repeating: caption, count: batch)
        return network.predictVelocity(input, timestep: 500, captions: captions, workspace: workspace).batchMajorValues
    }

    /// The shapes of the network's 3x3 convolutions between equal channel counts, one per level:
    /// (outputs, inputs * 9, pixels of one picture).
    public var convolutionShapes: [(rows: Int, depth: Int, columns: Int)] {
        network.configuration.channels.enumerated().map { level, channels in
            let levelSide = side >> level
            return (channels, channels * 9, levelSide * levelSide)
        }
    }

    /// GFLOP/s of `rows` x `depth` times `depth` x `columns` on one thread, as the engine runs its products,
    /// over about 20 GFLOP of repetitions (0.2 s).
    public static func productRate(rows: Int, depth: Int, columns: Int) -> Double {
        let a = [Float](repeating: 0.5, count: rows * depth)
        let b = [Float](repeating: 0.25, count: depth * columns)
        var c = [Float](repeating: 0, count: rows * columns)
        let flops = 2 * Double(rows * depth * columns)
        let repetitions = max(3, Int(2e10 / flops))
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<repetitions {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        MatrixProduct.multiply(
                            .init(pointer: a.baseAddress!, leadingDimension: depth), .init(pointer: b.baseAddress!, leadingDimension: columns),
                            rows: rows, columns: columns, depth: depth, into: c.baseAddress!, outputStride: columns)
                    }
                }
            }
        }
        return Double(repetitions) * flops / (clock.now - started).inSeconds / 1e9
    }
}
