/// Where a picture goes in a pane of cells: as large as fits, its aspect ratio kept, centred.
public struct PaneFit: Sendable, Equatable {
    public static let defaultCellAspect = 0.5

    public let columns: Int
    public let rows: Int
    /// The picture's cells, relative to the pane's top left; empty when the pane is.
    public let picture: Rect

    /// `cellAspect` is a cell's width over its height: about 0.5 in most terminal fonts.
    public init(imageWidth: Int, imageHeight: Int, columns: Int, rows: Int, cellAspect: Double = defaultCellAspect) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        guard self.columns > 0, self.rows > 0, imageWidth > 0, imageHeight > 0 else {
            picture = Rect(x: 0, y: 0, width: 0, height: 0)
            return
        }
        let aspect = cellAspect.isFinite && cellAspect > 0 ? cellAspect : Self.defaultCellAspect
        // How many columns the picture spans per row it spans.
        let columnsPerRow = Double(imageWidth) / Double(imageHeight) / aspect
        let width: Int
        let height: Int
        if Double(self.columns) / Double(self.rows) <= columnsPerRow {
            width = self.columns
            height = min(self.rows, max(1, Int((Double(width) / columnsPerRow).rounded())))
        } else {
            height = self.rows
            width = min(self.columns, max(1, Int((Double(height) * columnsPerRow).rounded())))
        }
        picture = Rect(x: (self.columns - width) / 2, y: (self.rows - height) / 2, width: width, height: height)
    }
}
