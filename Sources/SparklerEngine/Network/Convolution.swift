/// A 2D convolution with a 3x3 (stride 1, zero padding 1) or 1x1 kernel, as one matrix product:
/// the (outputs, inputs * k * k) weights times the image's unfolded patches (im2col).
struct Convolution {
    let inputs: Int
    let outputs: Int
    let kernel: Int
    let weight: [Float]
    let bias: [Float]

    init(_ reader: WeightReader, inputs: Int, outputs: Int, kernel: Int) throws {
        precondition(kernel == 1 || kernel == 3, "only 1x1 and 3x3 convolutions are used")
        self.inputs = inputs
        self.outputs = outputs
        self.kernel = kernel
        weight = try reader.tensor("weight", shape: [outputs, inputs, kernel, kernel])
        bias = try reader.tensor("bias", shape: [outputs])
    }

    func callAsFunction(_ map: FeatureMap, workspace: Workspace) -> FeatureMap {
        precondition(map.channels == inputs, "convolution expects \(inputs) channels, got \(map.channels)")
        let columns = map.columns
        let depth = inputs * kernel * kernel
        var y = [Float].filled(count: outputs * columns) { out in
            weight.withUnsafeBufferPointer { w in
                map.values.withUnsafeBufferPointer { input in
                    let patches: UnsafePointer<Float>
                    if kernel == 1 {
                        patches = input.baseAddress!
                    } else {
                        let buffer = workspace.buffer(count: depth * columns)
                        Self.unfold3x3(map, from: input.baseAddress!, into: buffer)
                        patches = UnsafePointer(buffer)
                    }
                    MatrixProduct.multiply(
                        .init(pointer: w.baseAddress!, leadingDimension: depth),
                        .init(pointer: patches, leadingDimension: columns),
                        rows: outputs, columns: columns, depth: depth, into: out.baseAddress!, outputStride: columns
                    )
                }
            }
        }
        addPerRow(bias, to: &y, columns: columns)
        return map.with(channels: outputs, values: y)
    }

    /// im2col for a 3x3 kernel with zero padding 1: row (c, ky, kx) of the result holds, for every
    /// column (batch item, y, x), the input at (c, y + ky - 1, x + kx - 1) or 0 outside the image.
    /// Rows are filled a whole image row at a time, shifted by kx - 1.
    static func unfold3x3(_ map: FeatureMap, from input: UnsafePointer<Float>, into patches: UnsafeMutablePointer<Float>) {
        let (batch, height, width, pixels, columns) = (map.batch, map.height, map.width, map.pixels, map.columns)
        for c in 0..<map.channels {
            for ky in 0..<3 {
                for kx in 0..<3 {
                    let row = patches + ((c * 3 + ky) * 3 + kx) * columns
                    for b in 0..<batch {
                        let plane = input + (c * batch + b) * pixels
                        for y in 0..<height {
                            let target = row + b * pixels + y * width
                            let sourceY = y + ky - 1
                            guard sourceY >= 0 && sourceY < height else {
                                target.update(repeating: 0, count: width)
                                continue
                            }
                            let source = plane + sourceY * width
                            switch kx {
                            case 0:
                                target[0] = 0
                                (target + 1).update(from: source, count: width - 1)
                            case 1:
                                target.update(from: source, count: width)
                            default:
                                target.update(from: source + 1, count: width - 1)
                                target[width - 1] = 0
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Scratch memory reused by every convolution of a run, so steps do not allocate patch matrices.
/// Unchecked: each is used by one thread at a time (one per branch of a run).
final class Workspace: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<Float>?
    private var capacity = 0

    func buffer(count: Int) -> UnsafeMutablePointer<Float> {
        if count > capacity {
            storage?.deallocate()
            storage = .allocate(capacity: count)
            capacity = count
        }
        return storage!
    }

    deinit { storage?.deallocate() }
}
