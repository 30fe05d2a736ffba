/// Image features attend to the caption's tokens: x + out(attention(q(GroupNorm(x)), k(ctx), v(ctx))).
struct CrossAttention {
    /// One caption's keys and values for this layer: (tokens, channels) each, computed once per run.
    struct Keys {
        var keys: [Float]
        var values: [Float]
    }

    let channels: Int
    let heads: Int
    let headSize: Int
    let norm: GroupNorm
    let query: Linear
    let key: Linear
    let value: Linear
    let output: Linear

    init(_ reader: WeightReader, channels: Int, configuration: ModelConfiguration) throws {
        self.channels = channels
        headSize = configuration.headSize
        heads = channels / headSize
        norm = try GroupNorm(reader.scope("norm"), channels: channels, groups: configuration.groups, epsilon: configuration.normEpsilon)
        query = try Linear(reader.scope("q"), inputs: channels, outputs: channels, bias: false)
        key = try Linear(reader.scope("k"), inputs: configuration.textWidth, outputs: channels, bias: false)
        value = try Linear(reader.scope("v"), inputs: configuration.textWidth, outputs: channels, bias: false)
        output = try Linear(reader.scope("out"), inputs: channels, outputs: channels)
    }

    func keys(for context: TextContext) -> Keys {
        Keys(keys: key(context.values, rows: context.tokens), values: value(context.values, rows: context.tokens))
    }

    /// `keys` holds one caption per batch item of `x`.
    func callAsFunction(_ x: FeatureMap, keys: [Keys]) -> FeatureMap {
        precondition(keys.count == x.batch, "one caption per batch item")
        let queries = query.applied(toChannelsOf: norm(x))
        let (columns, pixels) = (x.columns, x.pixels)
        let tokens = keys[0].keys.count / channels
        var scores = [Float](repeating: 0, count: pixels * tokens)
        let attended = [Float].filled(count: channels * columns) { out in
            queries.values.withUnsafeBufferPointer { q in
                scores.withUnsafeMutableBufferPointer { s in
                    for (b, caption) in keys.enumerated() {
                        caption.keys.withUnsafeBufferPointer { k in
                            caption.values.withUnsafeBufferPointer { v in
                                for h in 0..<heads {
                                    let feature = h * headSize
                                    // scores (pixels, tokens) = Q_bh^T K_bh^T
                                    MatrixProduct.multiply(
                                        .init(pointer: q.baseAddress! + feature * columns + b * pixels, leadingDimension: columns, transposed: true),
                                        .init(pointer: k.baseAddress! + feature, leadingDimension: channels, transposed: true),
                                        rows: pixels, columns: tokens, depth: headSize, into: s.baseAddress!, outputStride: tokens
                                    )
                                    applySoftmaxRows(s.baseAddress!, rows: pixels, columns: tokens, scale: 1 / Float(headSize).squareRoot())
                                    // output (headSize, pixels) = V_bh^T scores^T, written into this head's channel rows
                                    MatrixProduct.multiply(
                                        .init(pointer: v.baseAddress! + feature, leadingDimension: channels, transposed: true),
                                        .init(pointer: UnsafePointer(s.baseAddress!), leadingDimension: tokens, transposed: true),
                                        rows: headSize, columns: pixels, depth: tokens,
                                        into: out.baseAddress! + feature * columns + b * pixels, outputStride: columns
                                    )
                                }
                            }
                        }
                    }
                }
            }
        }
        return x + output.applied(toChannelsOf: x.with(channels: channels, values: attended))
    }
}
