/// Activations of a batch of images, stored channel-major: (channels, batch, height, width).
///
/// With every channel's planes for the whole batch side by side, a convolution over the batch is one
/// matrix product with batch * height * width columns, and concatenating channels is appending.
struct FeatureMap {
    var channels: Int
    var batch: Int
    var height: Int
    var width: Int
    var values: [Float]

    init(channels: Int, batch: Int, height: Int, width: Int, values: [Float]) {
        precondition(values.count == channels * batch * height * width, "feature map size mismatch")
        self.channels = channels
        self.batch = batch
        self.height = height
        self.width = width
        self.values = values
    }

    var pixels: Int { height * width }
    /// Columns of the (channels, columns) matrix this map is.
    var columns: Int { batch * height * width }

    /// A map of the same geometry with other values (and possibly another channel count).
    func with(channels: Int, values: [Float]) -> FeatureMap {
        FeatureMap(channels: channels, batch: batch, height: height, width: width, values: values)
    }

    /// Channels of `self` followed by the channels of `other` (same batch and size).
    func concatenated(with other: FeatureMap) -> FeatureMap {
        precondition(batch == other.batch && height == other.height && width == other.width)
        return with(channels: channels + other.channels, values: values + other.values)
    }

    /// From batch-major (batch, channels, height, width) values, the layout PyTorch and the fixtures use.
    init(batchMajor values: [Float], batch: Int, channels: Int, height: Int, width: Int) {
        let plane = height * width
        let reordered = [Float].filled(count: values.count) { out in
            for b in 0..<batch {
                for c in 0..<channels {
                    for p in 0..<plane { out[(c * batch + b) * plane + p] = values[(b * channels + c) * plane + p] }
                }
            }
        }
        self.init(channels: channels, batch: batch, height: height, width: width, values: reordered)
    }

    /// The values in batch-major (batch, channels, height, width) order.
    var batchMajorValues: [Float] {
        let plane = pixels
        return [Float].filled(count: values.count) { out in
            for b in 0..<batch {
                for c in 0..<channels {
                    for p in 0..<plane { out[(b * channels + c) * plane + p] = values[(c * batch + b) * plane + p] }
                }
            }
        }
    }

    /// 2x2 average pooling.
    func averagePooled() -> FeatureMap {
        let (h, w) = (height / 2, width / 2)
        let result = [Float].filled(count: channels * batch * h * w) { out in
            values.withUnsafeBufferPointer { input in
                for plane in 0..<(channels * batch) {
                    let source = plane * pixels, target = plane * h * w
                    for y in 0..<h {
                        for x in 0..<w {
                            let top = source + 2 * y * width + 2 * x
                            out[target + y * w + x] = 0.25 * (input[top] + input[top + 1] + input[top + width] + input[top + width + 1])
                        }
                    }
                }
            }
        }
        return FeatureMap(channels: channels, batch: batch, height: h, width: w, values: result)
    }

    /// Nearest-neighbour 2x upsampling.
    func upsampled() -> FeatureMap {
        let (h, w) = (height * 2, width * 2)
        let result = [Float].filled(count: channels * batch * h * w) { out in
            values.withUnsafeBufferPointer { input in
                for plane in 0..<(channels * batch) {
                    let source = plane * pixels, target = plane * h * w
                    for y in 0..<h {
                        for x in 0..<w { out[target + y * w + x] = input[source + (y / 2) * width + x / 2] }
                    }
                }
            }
        }
        return FeatureMap(channels: channels, batch: batch, height: h, width: w, values: result)
    }

    static func + (lhs: FeatureMap, rhs: FeatureMap) -> FeatureMap {
        precondition(lhs.values.count == rhs.values.count)
        return lhs.with(channels: lhs.channels, values: zip(lhs.values, rhs.values).map { $0 + $1 })
    }
}
