import CChafa
import Foundation
import SparklerCore

/// Turns decoded pixels into what a pane of cells shows: the picture as large as fits, its
/// aspect ratio kept, centred (`PaneFit`), in the format's cell size.
public struct PictureRenderer: Sendable {
    /// chafa's effort per cell, 0...1: higher finds better symbols, slower.
    public var workFactor: Float
    /// How many threads chafa uses. chafa's setting is process-wide: the last renderer wins.
    public var threads: Int

    public init(workFactor: Float = 0.5, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workFactor = workFactor
        self.threads = threads
    }

    /// `key` names the picture (its image hash) in graphics placements.
    public func render(_ image: RGBAImage, columns: Int, rows: Int, format: PictureFormat, key: String = "") -> RenderedPicture {
        let fit = PaneFit(
            imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows, cell: format.cell, mode: format.mode,
            limit: format.sixelLimit)
        let settings = ChafaCanvas.Settings(
            columns: fit.picture.width, rows: fit.picture.height, format: format, workFactor: workFactor)
        guard let canvas = ChafaCanvas(settings) else {
            return RenderedPicture(fit: fit, format: format, content: .cells([]), key: key)
        }
        useThreads()
        canvas.draw(format.mode.isPixelGraphics ? Self.laidOut(image, in: fit) : image)
        return RenderedPicture(fit: fit, format: format, content: content(of: canvas, fit: fit, format: format, key: key), key: key)
    }

    /// How many pixels of an `imageWidth` x `imageHeight` picture `render` uses at most, each way: the size it
    /// is shown at in pixel graphics, eight by eight per cell in symbols (what chafa matches symbols on). A
    /// larger source adds nothing, so a decoder may scale down to this.
    public static func pixelsUsed(imageWidth: Int, imageHeight: Int, columns: Int, rows: Int, format: PictureFormat) -> ImageSize {
        let fit = PaneFit(
            imageWidth: imageWidth, imageHeight: imageHeight, columns: columns, rows: rows, cell: format.cell, mode: format.mode,
            limit: format.sixelLimit)
        guard format.mode.isPixelGraphics else {
            return ImageSize(width: fit.picture.width * 8, height: fit.picture.height * 8)
        }
        return ImageSize(width: fit.image.width, height: fit.image.height)
    }

    /// The image at exactly the pixels it is shown at, inside transparent padding as large as the canvas:
    /// chafa stretches what it is given over the whole canvas, so it must be given the canvas.
    static func laidOut(_ image: RGBAImage, in fit: PaneFit) -> RGBAImage {
        let placed = fit.image
        let sized = image.width == placed.width && image.height == placed.height
            ? image : image.resized(to: ImageSize(width: placed.width, height: placed.height))
        guard !fit.fillsCanvas else { return sized }
        var pixels = [UInt8](repeating: 0, count: fit.canvas.width * fit.canvas.height * 4)
        let rowBytes = placed.width * 4
        sized.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for row in 0..<placed.height {
                    let from = row * rowBytes
                    let to = ((placed.y + row) * fit.canvas.width + placed.x) * 4
                    target.baseAddress!.advanced(by: to).update(from: source.baseAddress!.advanced(by: from), count: rowBytes)
                }
            }
        }
        return RGBAImage(width: fit.canvas.width, height: fit.canvas.height, pixels: pixels) ?? sized
    }

    private func content(of canvas: borrowing ChafaCanvas, fit: PaneFit, format: PictureFormat, key: String) -> RenderedPicture.Content {
        guard format.mode == .symbols else {
            var sequence = canvas.printed()
            if format.mode == .kitty {
                let name = RenderedPicture.placementKey(key: key, fit: fit, mode: format.mode)
                sequence = KittyImage.identified(sequence, id: KittyImage.id(for: name))
            }
            return .sequence(format.wrapsForTmux ? TmuxPassthrough.wrap(sequence) : sequence)
        }
        var cells: [Cell] = []
        cells.reserveCapacity(fit.picture.width * fit.picture.height)
        for y in 0..<fit.picture.height {
            for x in 0..<fit.picture.width {
                cells.append(canvas.cell(x: x, y: y))
            }
        }
        return .cells(cells)
    }

    private func useThreads() {
        let wanted = Int32(max(1, threads))
        if chafa_get_n_threads() != wanted { chafa_set_n_threads(wanted) }
    }
}
