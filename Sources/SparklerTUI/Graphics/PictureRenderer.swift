import CChafa
import Foundation
import SparklerCore

/// Turns decoded pixels into what a pane of cells shows: the picture as large as fits, its
/// aspect ratio kept, centred.
public struct PictureRenderer: Sendable {
    /// A cell's width over its height.
    public var cellAspect: Double
    /// chafa's effort per cell, 0...1: higher finds better symbols, slower.
    public var workFactor: Float
    /// A cell's size in pixels, for sixel and kitty (the terminal's `ws_xpixel / ws_col` where known).
    public var cellPixelWidth: Int
    public var cellPixelHeight: Int
    /// How many threads chafa uses. chafa's setting is process-wide: the last renderer wins.
    public var threads: Int

    public init(
        cellAspect: Double = PaneFit.defaultCellAspect, workFactor: Float = 0.5,
        cellPixelWidth: Int = 10, cellPixelHeight: Int = 20,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.cellAspect = cellAspect
        self.workFactor = workFactor
        self.cellPixelWidth = cellPixelWidth
        self.cellPixelHeight = cellPixelHeight
        self.threads = threads
    }

    /// `key` names the picture (its image hash) in graphics placements.
    public func render(_ image: RGBAImage, columns: Int, rows: Int, format: PictureFormat, key: String = "") -> RenderedPicture {
        let fit = PaneFit(imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows, cellAspect: cellAspect)
        let settings = ChafaCanvas.Settings(
            columns: fit.picture.width, rows: fit.picture.height, format: format, workFactor: workFactor,
            cellPixelWidth: cellPixelWidth, cellPixelHeight: cellPixelHeight)
        guard let canvas = ChafaCanvas(settings) else {
            return RenderedPicture(fit: fit, format: format, content: .cells([]), key: key)
        }
        useThreads()
        canvas.draw(image)
        return RenderedPicture(fit: fit, format: format, content: content(of: canvas, fit: fit, format: format), key: key)
    }

    private func content(of canvas: borrowing ChafaCanvas, fit: PaneFit, format: PictureFormat) -> RenderedPicture.Content {
        guard format.mode == .symbols else {
            let sequence = canvas.printed()
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
