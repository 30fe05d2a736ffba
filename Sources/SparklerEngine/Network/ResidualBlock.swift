/// GroupNorm-SiLU-conv3x3, plus a per-channel shift from the time embedding, GroupNorm-SiLU-conv3x3,
/// plus the input (through a 1x1 convolution when the channel count changes).
struct ResidualBlock {
    let norm1: GroupNorm
    let conv1: Convolution
    let timeShift: Linear
    let norm2: GroupNorm
    let conv2: Convolution
    let skip: Convolution?

    init(_ reader: WeightReader, inputs: Int, outputs: Int, configuration: ModelConfiguration) throws {
        let (groups, epsilon) = (configuration.groups, configuration.normEpsilon)
        norm1 = try GroupNorm(reader.scope("norm1"), channels: inputs, groups: groups, epsilon: epsilon)
        conv1 = try Convolution(reader.scope("conv1"), inputs: inputs, outputs: outputs, kernel: 3)
        timeShift = try Linear(reader.scope("temb"), inputs: configuration.timeWidth, outputs: outputs)
        norm2 = try GroupNorm(reader.scope("norm2"), channels: outputs, groups: groups, epsilon: epsilon)
        conv2 = try Convolution(reader.scope("conv2"), inputs: outputs, outputs: outputs, kernel: 3)
        skip = inputs == outputs ? nil : try Convolution(reader.scope("skip"), inputs: inputs, outputs: outputs, kernel: 1)
    }

    /// `time` is SiLU of the time embedding, shared by every batch item (they are all at the same step).
    func callAsFunction(_ x: FeatureMap, time: [Float], workspace: Workspace) -> FeatureMap {
        var h = conv1(norm1(x, silu: true), workspace: workspace)
        addPerRow(timeShift(time, rows: 1), to: &h.values, columns: h.columns)
        h = conv2(norm2(h, silu: true), workspace: workspace)
        return h + (skip.map { $0(x, workspace: workspace) } ?? x)
    }
}
