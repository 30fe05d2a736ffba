import Foundation
import SparklerCore

/// The largest picture `serve` takes as an input (init_image, input_image): the largest any served model
/// draws. It is checked from the file's header alone, before a pixel is decoded, so that a small file
/// declaring a huge picture (a decompression bomb) costs nothing.
struct UploadLimit: Sendable, Equatable {
    /// The longest side, in pixels.
    let maxSide: Int
    /// The most pixels, width times height.
    let maxPixels: Int

    init(maxSide: Int, maxPixels: Int) {
        self.maxSide = maxSide
        self.maxPixels = maxPixels
    }

    init(models: [ModelCapabilities]) {
        let sizes = models.flatMap { model in model.sizes + model.aspectRatios.compactMap(AspectRatioSizes.size(for:)) }
        self.init(maxSide: sizes.map { max($0.width, $0.height) }.max() ?? 0, maxPixels: sizes.map { $0.width * $0.height }.max() ?? 0)
    }

    /// The picture's size from its header; 400 when it is not a PNG or JPEG, or larger than the limit.
    func admit(_ data: Data, part: String) throws -> ImageSize {
        guard let size = ImageHeader.size(of: data) else {
            throw ServerError.badRequest(ImageCodec.sniffFormat(data) == nil
                ? "\(part) is not a PNG or JPEG image."
                : "\(part) is a damaged picture: its header gives no size.")
        }
        guard max(size.width, size.height) <= maxSide, size.width * size.height <= maxPixels else {
            throw ServerError.badRequest("""
                \(part) is \(size.width)x\(size.height) pixels; the largest picture any model here takes is \(maxSide) pixels \
                on its longest side and \(maxPixels.groupedThousands) pixels \
                in all (such as 1024x1024). Scale it down and send it again.
                """)
        }
        return size
    }

    /// Decodes an admitted picture once its request has a place in the engine's line: a damaged one is
    /// still the client's mistake (400), found without holding memory for requests that only wait.
    static func checkDecodes(_ data: Data, part: String) throws {
        do {
            _ = try ImageCodec.decode(data)
        } catch {
            throw ServerError.badRequest("\(part) cannot be decoded: \(error)")
        }
    }
}
