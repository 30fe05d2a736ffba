/// A fully connected layer, y = x W^T + b, with PyTorch's (outputs, inputs) weight layout.
struct Linear {
    let inputs: Int
    let outputs: Int
    let weight: [Float]
    let bias: [Float]?

    init(_ reader: WeightReader, inputs: Int, outputs: Int, bias hasBias: Bool = true) throws {
        self.inputs = inputs
        self.outputs = outputs
        weight = try reader.tensor("weight", shape: [outputs, inputs])
        bias = hasBias ? try reader.tensor("bias", shape: [outputs]) : nil
    }

    /// `x` holds `rows` vectors of `inputs` values, one after another; the result holds `rows` of `outputs`.
    func callAsFunction(_ x: [Float], rows: Int) -> [Float] {
        var y = [Float].filled(count: rows * outputs) { out in
            x.withUnsafeBufferPointer { input in
                weight.withUnsafeBufferPointer { w in
                    MatrixProduct.multiply(
                        .init(pointer: input.baseAddress!, leadingDimension: inputs),
                        .init(pointer: w.baseAddress!, leadingDimension: inputs, transposed: true),
                        rows: rows, columns: outputs, depth: inputs, into: out.baseAddress!, outputStride: outputs
                    )
                }
            }
        }
        if let bias {
            y.withUnsafeMutableBufferPointer { out in
                for row in 0..<rows {
                    for j in 0..<outputs { out[row * outputs + j] += bias[j] }
                }
            }
        }
        return y
    }

    /// Applies the layer to every pixel of a channel-major map: the map is an (inputs, columns) matrix.
    func applied(toChannelsOf map: FeatureMap) -> FeatureMap {
        precondition(map.channels == inputs)
        let columns = map.columns
        var y = [Float].filled(count: outputs * columns) { out in
            map.values.withUnsafeBufferPointer { input in
                weight.withUnsafeBufferPointer { w in
                    MatrixProduct.multiply(
                        .init(pointer: w.baseAddress!, leadingDimension: inputs),
                        .init(pointer: input.baseAddress!, leadingDimension: columns),
                        rows: outputs, columns: columns, depth: inputs, into: out.baseAddress!, outputStride: columns
                    )
                }
            }
        }
        if let bias { addPerRow(bias, to: &y, columns: columns) }
        return map.with(channels: outputs, values: y)
    }
}

/// Adds `bias[row]` to every value of each row of a row-major matrix.
func addPerRow(_ bias: [Float], to matrix: inout [Float], columns: Int) {
    matrix.withUnsafeMutableBufferPointer { out in
        for row in bias.indices {
            let b = bias[row]
            for j in (row * columns)..<((row + 1) * columns) { out[j] += b }
        }
    }
}
