/// Where a picture goes in a pane of cells and how large it is drawn: as large as the pane's pixels allow,
/// its aspect ratio kept, centred. Computed in pixels from the terminal's real cell size, so a picture is
/// the same shape in every terminal and mode.
public struct PaneFit: Sendable, Equatable {
    /// The pane, in cells.
    public let columns: Int
    public let rows: Int
    /// The picture's cells, relative to the pane's top left; empty when the pane is.
    public let picture: Rect
    /// What chafa draws over `picture`, in pixels. Sixel pictures are whole six-pixel bands high (chafa
    /// rounds down), so the canvas never reaches past the picture's last row.
    public let canvas: PixelSize
    /// Where the image itself lies in the canvas; the rest is transparent padding (pixel modes only:
    /// symbols stretch the image over whole cells, which the cell count keeps within half a cell).
    public let image: PixelRect

    public init(
        imageWidth: Int, imageHeight: Int, columns: Int, rows: Int, cell: PixelSize = CellGeometry.fallback.pixels,
        mode: GraphicsMode = .symbols, limit: PixelSize? = nil
    ) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let cell = PixelSize(width: max(1, cell.width), height: max(1, cell.height))
        let bandHeight = mode == .sixel ? 6 : 1
        func canvasHeight(rows: Int) -> Int { rows * cell.height / bandHeight * bandHeight }
        // A terminal cuts off what is larger than its limit: the picture is made to fit it.
        let paneWidth = min(self.columns * cell.width, limit?.width ?? .max)
        let paneHeight = min(canvasHeight(rows: self.rows), (limit?.height ?? .max) / bandHeight * bandHeight)
        guard paneWidth > 0, paneHeight > 0, imageWidth > 0, imageHeight > 0 else {
            picture = Rect(x: 0, y: 0, width: 0, height: 0)
            canvas = PixelSize(width: 0, height: 0)
            image = PixelRect(x: 0, y: 0, width: 0, height: 0)
            return
        }
        let scale = min(Double(paneWidth) / Double(imageWidth), Double(paneHeight) / Double(imageHeight))
        let width = min(paneWidth, max(1, Int((Double(imageWidth) * scale).rounded())))
        let height = min(paneHeight, max(1, Int((Double(imageHeight) * scale).rounded())))

        let pictureColumns: Int
        let pictureRows: Int
        if mode.isPixelGraphics {
            // The canvas is whole cells (the last one partly padding), within the limit.
            pictureColumns = min(self.columns, (width + cell.width - 1) / cell.width)
            var rowsNeeded = (height + cell.height - 1) / cell.height
            while canvasHeight(rows: rowsNeeded) < height && rowsNeeded < self.rows { rowsNeeded += 1 }
            pictureRows = rowsNeeded
            canvas = PixelSize(
                width: min(pictureColumns * cell.width, limit?.width ?? .max),
                height: min(canvasHeight(rows: pictureRows), (limit?.height ?? .max) / bandHeight * bandHeight))
            image = PixelRect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        } else {
            pictureColumns = min(self.columns, max(1, Int((Double(width) / Double(cell.width)).rounded())))
            pictureRows = min(self.rows, max(1, Int((Double(height) / Double(cell.height)).rounded())))
            canvas = PixelSize(width: pictureColumns * cell.width, height: pictureRows * cell.height)
            image = PixelRect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        }
        picture = Rect(
            x: (self.columns - pictureColumns) / 2, y: (self.rows - pictureRows) / 2, width: pictureColumns, height: pictureRows)
    }

    /// Whether the image fills its canvas, so no padding is needed.
    var fillsCanvas: Bool { image.width == canvas.width && image.height == canvas.height }
}

/// A rectangle in pixels.
public struct PixelRect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
