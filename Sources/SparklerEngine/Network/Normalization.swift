import Foundation

/// GroupNorm over each batch item's channel groups (biased variance), with a per-channel affine.
struct GroupNorm {
    let channels: Int
    let groups: Int
    let epsilon: Float
    let weight: [Float]
    let bias: [Float]

    init(_ reader: WeightReader, channels: Int, groups: Int, epsilon: Float) throws {
        self.channels = channels
        self.groups = groups
        self.epsilon = epsilon
        weight = try reader.tensor("weight", shape: [channels])
        bias = try reader.tensor("bias", shape: [channels])
    }

    /// Normalizes, then applies SiLU when `silu` is set (every use but attention's is followed by SiLU).
    func callAsFunction(_ map: FeatureMap, silu: Bool = false) -> FeatureMap {
        precondition(map.channels == channels)
        let (batch, pixels) = (map.batch, map.pixels)
        let perGroup = channels / groups
        let count = Float(perGroup * pixels)
        let result = [Float].filled(count: map.values.count) { out in
            map.values.withUnsafeBufferPointer { buffer in
                let input = buffer.baseAddress!
                func plane(_ c: Int, _ b: Int) -> Int { (c * batch + b) * pixels }
                for b in 0..<batch {
                    for g in 0..<groups {
                        let channelRange = (g * perGroup)..<((g + 1) * perGroup)
                        // Two passes (mean, then squared deviations) keep float32 accurate.
                        let mean = channelRange.reduce(0) { $0 + VectorMath.sum(input + plane($1, b), count: pixels) } / count
                        let variance = channelRange.reduce(0) {
                            $0 + VectorMath.squaredDeviations(input + plane($1, b), count: pixels, mean: mean)
                        } / count
                        let inverse = 1 / (variance + epsilon).squareRoot()
                        for c in channelRange {
                            let scale = inverse * weight[c]
                            VectorMath.affine(
                                input + plane(c, b), out.baseAddress! + plane(c, b), count: pixels,
                                scale: scale, shift: bias[c] - mean * scale, silu: silu
                            )
                        }
                    }
                }
            }
        }
        return map.with(channels: channels, values: result)
    }
}

/// LayerNorm over each row of `features` values.
struct LayerNorm {
    let features: Int
    let epsilon: Float
    let weight: [Float]
    let bias: [Float]

    init(_ reader: WeightReader, features: Int, epsilon: Float) throws {
        self.features = features
        self.epsilon = epsilon
        weight = try reader.tensor("weight", shape: [features])
        bias = try reader.tensor("bias", shape: [features])
    }

    func callAsFunction(_ x: [Float]) -> [Float] {
        let rows = x.count / features
        return [Float].filled(count: x.count) { out in
            for row in 0..<rows {
                let start = row * features
                var sum = 0.0, squares = 0.0
                for i in start..<(start + features) {
                    sum += Double(x[i])
                    squares += Double(x[i]) * Double(x[i])
                }
                let mean = sum / Double(features)
                let variance = max(squares / Double(features) - mean * mean, 0)
                let inverse = Float(1 / (variance + Double(epsilon)).squareRoot())
                for j in 0..<features {
                    out[start + j] = (x[start + j] - Float(mean)) * inverse * weight[j] + bias[j]
                }
            }
        }
    }
}
