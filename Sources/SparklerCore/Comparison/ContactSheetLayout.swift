/// Where everything goes on a contact sheet: a header of `headerLines` lines, then equal cells in a grid,
/// a margin around each, a label band under each. Cells are as large as the largest picture, at most
/// `maxCellSide`.
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
    let headerLines: Int

    init(rows: Int, columns: Int, pictureSizes: [ImageSize], headerLines: Int = 0) {
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        self.headerLines = headerLines
        let widest = pictureSizes.map(\.width).max() ?? Self.emptyCell.width
        let tallest = pictureSizes.map(\.height).max() ?? Self.emptyCell.height
        let shrink = min(1, Double(Self.maxCellSide) / Double(max(widest, tallest)))
        cell = ImageSize(width: max(1, Int(Double(widest) * shrink)), height: max(1, Int(Double(tallest) * shrink)))
        scale = cell.width >= 200 ? 2 : 1
    }

    var margin: Int { 8 * scale }
    var labelHeight: Int { (BitmapFont.glyphHeight + 6) * scale }
    var headerLineHeight: Int { (BitmapFont.glyphHeight + 4) * scale }
    var headerHeight: Int { headerLines * headerLineHeight }

    var size: ImageSize {
        ImageSize(
            width: margin + columns * (cell.width + margin),
            height: margin + headerHeight + rows * (cell.height + labelHeight + margin)
        )
    }

    /// Characters that fit across the sheet inside its margins, at the label scale.
    var headerCharacters: Int { (size.width - 2 * margin + scale) / (BitmapFont.advance * scale) }

    /// The top-left corner of the header's `line`th line.
    func headerOrigin(line: Int) -> (x: Int, y: Int) {
        (margin, margin + line * headerLineHeight)
    }

    /// The top-left corner of a cell's picture box.
    func origin(row: Int, column: Int) -> (x: Int, y: Int) {
        (margin + column * (cell.width + margin), margin + headerHeight + row * (cell.height + labelHeight + margin))
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
        Self.cut(text, to: (cell.width + scale) / (BitmapFont.advance * scale))
    }

    /// `text` cut to at most `characters`, with `..` where it was cut.
    static func cut(_ text: String, to characters: Int) -> String {
        guard text.unicodeScalars.count > characters else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(max(0, characters - 2)))
        return String(scalars) + ".."
    }
}
