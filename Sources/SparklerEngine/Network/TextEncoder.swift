/// One caption encoded: (tokens, width) row-major.
struct TextContext {
    var tokens: Int
    var width: Int
    var values: [Float]
}

/// Token and position embeddings, pre-LN transformer layers, a final LayerNorm.
struct TextEncoder {
    let configuration: ModelConfiguration
    let tokenEmbedding: [Float]
    let positionEmbedding: [Float]
    let layers: [TextLayer]
    let norm: LayerNorm

    init(_ reader: WeightReader, configuration: ModelConfiguration) throws {
        self.configuration = configuration
        let width = configuration.textWidth
        tokenEmbedding = try reader.tensor("tok_emb.weight", shape: [configuration.vocabularySize, width])
        positionEmbedding = try reader.tensor("pos_emb", shape: [configuration.maxTokens, width])
        layers = try (0..<configuration.textLayers).map {
            try TextLayer(reader.scope("layers.\($0)"), configuration: configuration)
        }
        norm = try LayerNorm(reader.scope("norm"), features: width, epsilon: configuration.normEpsilon)
    }

    func encode(_ ids: [Int32]) -> TextContext {
        let width = configuration.textWidth
        precondition(ids.count == configuration.maxTokens, "captions are padded to \(configuration.maxTokens) tokens")
        var x = [Float](repeating: 0, count: ids.count * width)
        for (position, id) in ids.enumerated() {
            let token = Int(id) * width
            for j in 0..<width {
                x[position * width + j] = tokenEmbedding[token + j] + positionEmbedding[position * width + j]
            }
        }
        for layer in layers { x = layer(x, tokens: ids.count) }
        return TextContext(tokens: ids.count, width: width, values: norm(x))
    }
}

/// x + proj(attention(LN(x))); x + fc2(SiLU(fc1(LN(x)))).
struct TextLayer {
    let width: Int
    let heads: Int
    let norm1: LayerNorm
    let qkv: Linear
    let projection: Linear
    let norm2: LayerNorm
    let fc1: Linear
    let fc2: Linear

    init(_ reader: WeightReader, configuration: ModelConfiguration) throws {
        width = configuration.textWidth
        heads = configuration.textHeads
        let epsilon = configuration.normEpsilon
        norm1 = try LayerNorm(reader.scope("norm1"), features: width, epsilon: epsilon)
        qkv = try Linear(reader.scope("qkv"), inputs: width, outputs: 3 * width)
        projection = try Linear(reader.scope("proj"), inputs: width, outputs: width)
        norm2 = try LayerNorm(reader.scope("norm2"), features: width, epsilon: epsilon)
        fc1 = try Linear(reader.scope("fc1"), inputs: width, outputs: configuration.textMLPWidth)
        fc2 = try Linear(reader.scope("fc2"), inputs: configuration.textMLPWidth, outputs: width)
    }

    func callAsFunction(_ x: [Float], tokens: Int) -> [Float] {
        var x = x
        let attended = selfAttention(qkv(norm1(x), rows: tokens), tokens: tokens)
        for (i, v) in projection(attended, rows: tokens).enumerated() { x[i] += v }
        var hidden = fc1(norm2(x), rows: tokens)
        applySiLU(&hidden)
        for (i, v) in fc2(hidden, rows: tokens).enumerated() { x[i] += v }
        return x
    }

    /// Multi-head attention over the fused (tokens, [q | k | v]) projection, heads concatenated in order.
    private func selfAttention(_ fused: [Float], tokens: Int) -> [Float] {
        let headSize = width / heads, stride = 3 * width
        var scores = [Float](repeating: 0, count: tokens * tokens)
        return [Float].filled(count: tokens * width) { out in
            fused.withUnsafeBufferPointer { f in
                scores.withUnsafeMutableBufferPointer { s in
                    for h in 0..<heads {
                        let q = f.baseAddress! + h * headSize
                        MatrixProduct.multiply(
                            .init(pointer: q, leadingDimension: stride),
                            .init(pointer: q + width, leadingDimension: stride, transposed: true),
                            rows: tokens, columns: tokens, depth: headSize, into: s.baseAddress!, outputStride: tokens
                        )
                        applySoftmaxRows(s.baseAddress!, rows: tokens, columns: tokens, scale: 1 / Float(headSize).squareRoot())
                        MatrixProduct.multiply(
                            .init(pointer: UnsafePointer(s.baseAddress!), leadingDimension: tokens),
                            .init(pointer: q + 2 * width, leadingDimension: stride),
                            rows: tokens, columns: headSize, depth: tokens, into: out.baseAddress! + h * headSize, outputStride: width
                        )
                    }
                }
            }
        }
    }
}
