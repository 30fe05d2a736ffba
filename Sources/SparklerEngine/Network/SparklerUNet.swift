import Foundation

/// sparkler-tiny's network: text encoder, time embedding and UNet, as MODEL_CARD.md describes layer by
/// layer. Immutable once loaded; every call brings its own `Workspace`.
struct SparklerUNet: Sendable {
    /// A caption ready for the UNet: its encoding and every attention layer's keys and values.
    struct PreparedCaption {
        var context: TextContext
        var keys: [CrossAttention.Keys]
    }

    let configuration: ModelConfiguration
    let text: TextEncoder
    let timeFC1: Linear
    let timeFC2: Linear
    let convIn: Convolution
    let down0, down1, down2, mid1, mid2, up2, up1, up0: ResidualBlock
    let down1Attention, down2Attention, midAttention, up2Attention, up1Attention: CrossAttention
    let normOut: GroupNorm
    let convOut: Convolution

    init(weights: SafeTensorsFile, configuration: ModelConfiguration) throws {
        self.configuration = configuration
        let reader = WeightReader(file: weights)
        let (c0, c1, c2) = (configuration.channels[0], configuration.channels[1], configuration.channels[2])
        func block(_ name: String, _ inputs: Int, _ outputs: Int) throws -> ResidualBlock {
            try ResidualBlock(reader.scope(name), inputs: inputs, outputs: outputs, configuration: configuration)
        }
        func attention(_ name: String, _ channels: Int) throws -> CrossAttention {
            try CrossAttention(reader.scope(name), channels: channels, configuration: configuration)
        }
        text = try TextEncoder(reader.scope("text"), configuration: configuration)
        timeFC1 = try Linear(reader.scope("time_fc1"), inputs: configuration.timeFrequencies, outputs: configuration.timeWidth)
        timeFC2 = try Linear(reader.scope("time_fc2"), inputs: configuration.timeWidth, outputs: configuration.timeWidth)
        convIn = try Convolution(reader.scope("conv_in"), inputs: 5, outputs: c0, kernel: 3)
        down0 = try block("down0", c0, c0)
        down1 = try block("down1", c0, c1)
        down1Attention = try attention("down1_attn", c1)
        down2 = try block("down2", c1, c2)
        down2Attention = try attention("down2_attn", c2)
        mid1 = try block("mid1", c2, c2)
        midAttention = try attention("mid_attn", c2)
        mid2 = try block("mid2", c2, c2)
        up2 = try block("up2", c2 + c2, c2)
        up2Attention = try attention("up2_attn", c2)
        up1 = try block("up1", c2 + c1, c1)
        up1Attention = try attention("up1_attn", c1)
        up0 = try block("up0", c1 + c0, c0)
        normOut = try GroupNorm(reader.scope("norm_out"), channels: c0, groups: configuration.groups, epsilon: configuration.normEpsilon)
        convOut = try Convolution(reader.scope("conv_out"), inputs: c0, outputs: 3, kernel: 3)
    }

    private var attentionLayers: [CrossAttention] { [down1Attention, down2Attention, midAttention, up2Attention, up1Attention] }

    func prepare(_ ids: [Int32]) -> PreparedCaption {
        let context = text.encode(ids)
        return PreparedCaption(context: context, keys: attentionLayers.map { $0.keys(for: context) })
    }

    /// The time embedding: [cos(t f), sin(t f)] with f_i = 10000^(-i / half), then linear, SiLU, linear.
    func timeEmbedding(_ timestep: Double) -> [Float] {
        let half = configuration.timeFrequencies / 2
        let t = Float(timestep)
        let arguments = (0..<half).map { t * expf(-logf(10000) * Float($0) / Float(half)) }
        var hidden = timeFC1(arguments.map { cosf($0) } + arguments.map { sinf($0) }, rows: 1)
        applySiLU(&hidden)
        return timeFC2(hidden, rows: 1)
    }

    /// The velocity prediction for a batch of noisy pictures `x` (3 channels, variance-preserving space)
    /// at one timestep, one prepared caption per batch item. `probe` sees the named intermediate maps.
    func predictVelocity(
        _ x: FeatureMap, timestep: Double, captions: [PreparedCaption], workspace: Workspace,
        probe: ((String, FeatureMap) -> Void)? = nil
    ) -> FeatureMap {
        precondition(x.channels == 3 && captions.count == x.batch)
        var time = timeEmbedding(timestep)
        applySiLU(&time)
        func keys(_ layer: Int) -> [CrossAttention.Keys] { captions.map { $0.keys[layer] } }

        let input = x.concatenated(with: Self.coordinateChannels(batch: x.batch, height: x.height, width: x.width))
        let stem = convIn(input, workspace: workspace)
        probe?("conv_in", stem)
        let skip0 = down0(stem, time: time, workspace: workspace)
        probe?("down0", skip0)
        let skip1 = down1Attention(down1(skip0.averagePooled(), time: time, workspace: workspace), keys: keys(0))
        probe?("down1_attn", skip1)
        let skip2 = down2Attention(down2(skip1.averagePooled(), time: time, workspace: workspace), keys: keys(1))
        let middle = midAttention(mid1(skip2, time: time, workspace: workspace), keys: keys(2))
        probe?("mid_attn", middle)
        var h = mid2(middle, time: time, workspace: workspace)
        h = up2Attention(up2(h.concatenated(with: skip2), time: time, workspace: workspace), keys: keys(3))
        h = up1Attention(up1(h.upsampled().concatenated(with: skip1), time: time, workspace: workspace), keys: keys(4))
        probe?("up1_attn", h)
        h = up0(h.upsampled().concatenated(with: skip0), time: time, workspace: workspace)
        probe?("up0", h)
        return convOut(normOut(h, silu: true), workspace: workspace)
    }

    /// Two extra input channels, x then y, each linspace(-1, 1) across the picture (top row y = -1).
    static func coordinateChannels(batch: Int, height: Int, width: Int) -> FeatureMap {
        func linspace(_ count: Int) -> [Float] {
            count == 1 ? [-1] : (0..<count).map { -1 + 2 * Float($0) / Float(count - 1) }
        }
        let xs = linspace(width), ys = linspace(height)
        var values = [Float](repeating: 0, count: 2 * batch * height * width)
        let plane = height * width
        for b in 0..<batch {
            for y in 0..<height {
                for x in 0..<width {
                    values[b * plane + y * width + x] = xs[x]
                    values[(batch + b) * plane + y * width + x] = ys[y]
                }
            }
        }
        return FeatureMap(channels: 2, batch: batch, height: height, width: width, values: values)
    }
}
