import SparklerGraphics

/// Where each pane goes for a terminal size. Views draw into these rectangles and mouse clicks
/// are matched against them, so both always agree.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var prompt: Rect
    public var negative: Rect
    public var parameters: Rect
    public var image: Rect
    /// nil when the terminal is too narrow to show history beside the image (and it is not focused).
    public var history: Rect?
    public var status: Rect

    /// nil when the terminal is below the minimum size.
    public init?(width: Int, height: Int, historyFocused: Bool) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (body, statusLine) = screen.splitTop(height - 1)
        status = statusLine

        let wide = width >= 100
        let (main, side) = wide ? body.splitLeft(width - max(32, width * 3 / 10)) : (body, Rect(x: width, y: 0, width: 0, height: 0))
        let promptHeight = height >= 30 ? 5 : 4
        let (promptBox, rest) = main.splitTop(promptHeight)
        let (negativeBox, lower) = rest.splitTop(3)
        prompt = promptBox
        negative = negativeBox
        let (parameterBox, imageBox) = lower.splitLeft(width >= 100 ? 32 : 30)
        parameters = parameterBox

        if wide {
            image = imageBox
            history = side
        } else if historyFocused {
            image = Rect(x: imageBox.x, y: imageBox.y, width: 0, height: 0)
            history = imageBox
        } else {
            image = imageBox
            history = nil
        }
    }
}

/// The history pane's parts: the search line, the list, and the selected entry's picture and details.
public struct HistoryPaneLayout: Sendable, Equatable {
    public var search: Rect
    public var list: Rect
    public var detail: Rect?

    public init(pane: Rect) {
        let inside = pane.inset(by: 1)
        let (searchLine, rest) = inside.splitTop(1)
        search = searchLine
        if rest.height >= 20 {
            let detailHeight = min(14, rest.height / 2)
            let (listPart, detailPart) = rest.splitTop(rest.height - detailHeight)
            list = listPart
            detail = detailPart
        } else {
            list = rest
            detail = nil
        }
    }
}
