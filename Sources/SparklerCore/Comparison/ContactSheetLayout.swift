/// Where everything goes on a contact sheet: equal cells in a grid, a margin around each, a label
/// band under each. Cells are as large as the largest picture, at most `maxCellSide`.
struct ContactSheetLayout: Equatable {
    static let maxCellSide = 512
    /// The cell size when there is no picture to measure.
    static let emptyCell = ImageSize(width: 256, height: 256)

    let rows: Int
    let columns: Int
    /// The box each picture is fitted into.
    let cell: ImageSize
    /// The label font's scale: larger cells get larger letters.
    let scale: Int

    init(rows: Int, columns: Int, pictureSizes: [ImageSize]) {
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        let widest = pictureSizes.map(\.width).max() ?? Self.emptyCell.width
        let tallest = pictureSizes.map(\.height).max() ?? Self.emptyCell.height
        let shrink = min(1, Double(Self.maxCellSide) / Double(max(widest, tallest)))
        cell = ImageSize(width: max(1, Int(Double(widest) * shrink)), height: max(1, Int(Double(tallest) * shrink)))
        scale = cell.width >= 200 ? 2 : 1
    }

    var margin: Int { 8 * scale }
    var labelHeight: Int { (BitmapFont.glyphHeight + 6) * scale }

    var size: ImageSize {
        ImageSize(
            width: margin + columns * (cell.width + margin),
            height: margin + rows * (cell.height + labelHeight + margin)
        )
    }

    /// The top-left corner of a cell's picture box.
    func origin(row: Int, column: Int) -> (x: Int, y: Int) {
        (margin + column * (cell.width + margin), margin + row * (cell.height + labelHeight + margin))
    }

    /// `size` scaled to fit the cell box, keeping its proportions.
    func fitted(_ size: ImageSize) -> ImageSize {
        let factor = min(Double(cell.width) / Double(size.width), Double(cell.height) / Double(size.height))
        return ImageSize(
            width: min(cell.width, max(1, Int((Double(size.width) * factor).rounded()))),
            height: min(cell.height, max(1, Int((Double(size.height) * factor).rounded())))
        )
    }

    /// `text` cut to fit the cell's width at the label scale, with `..` where it was cut.
    func fittingLabel(_ text: String) -> String {
        let room = (cell.width + scale) / (BitmapFont.advance * scale)
        guard text.unicodeScalars.count > room else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(max(0, room - 2)))
        return String(scalars) + ".."
    }
}
