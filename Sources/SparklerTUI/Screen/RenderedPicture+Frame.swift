import SparklerGraphics

extension RenderedPicture {
    /// Draws the picture into the pane whose top left is (x, y): symbols as cells; sixel, kitty or iTerm2
    /// as a placement over the cells, which the painter writes after them. The margins and the cells under a
    /// placement keep what the view drew there (the theme's background).
    public func draw(into frame: inout Frame, x: Int, y: Int) {
        let rect = Rect(x: x + fit.picture.x, y: y + fit.picture.y, width: fit.picture.width, height: fit.picture.height)
        switch content {
        case .cells:
            for row in 0..<rect.height {
                for column in 0..<rect.width {
                    frame[rect.x + column, rect.y + row] = cell(x: fit.picture.x + column, y: fit.picture.y + row)
                }
            }
        case .sequence(let sequence):
            guard !rect.isEmpty else { return }
            frame.placements.append(GraphicsPlacement(rect: rect, sequence: sequence, key: placementKey, removal: removal))
        }
    }
}
