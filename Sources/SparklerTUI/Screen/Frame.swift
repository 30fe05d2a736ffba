import SparklerGraphics

/// A whole screen of styled cells, drawn by views and written to the terminal by the painter.
///
/// Pictures shown as terminal graphics (sixel, kitty) are not cells: they travel as placements,
/// and the cells under them are left for the painter to keep clear.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var placements: [GraphicsPlacement] = []
    /// Where the terminal cursor should stand (a focused text field), nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: CursorPosition?

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Fills a rectangle (clipped to the frame) with one style's blank cells.
    public mutating func fill(_ rect: Rect, style: Style, with character: Character = " ") {
        for y in max(rect.y, 0)..<min(rect.maxY, height) {
            for x in max(rect.x, 0)..<min(rect.maxX, width) {
                self[x, y] = Cell(character, style: style)
            }
        }
    }

    /// Writes text from (x, y), at most `limit` columns (default: to the frame's edge); wide
    /// graphemes take two columns, and one that would not fit is left out. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let columns = CharacterWidth.of(character)
            guard columns > 0 else { continue }
            guard column + columns <= end else { break }
            if column >= 0 {
                self[column, y] = Cell(character, style: style)
                if columns == 2 { self[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
            }
            column += columns
        }
        return column - x
    }

    /// The frame as plain text, one line per row: what tests compare and capture.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation {
                line.append(self[x, y].text)
            }
            return line
        }.joined(separator: "\n")
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.placements == rhs.placements && lhs.cursorPosition == rhs.cursorPosition
    }

    private struct CursorPosition: Sendable, Equatable {
        var x: Int
        var y: Int
    }
}

/// A picture drawn with terminal graphics (sixel, kitty or iTerm2) over a rectangle of the frame.
public struct GraphicsPlacement: Sendable, Equatable {
    public var rect: Rect
    /// What to write after the cells are on screen, cursor already at the rectangle's top left.
    public var sequence: String
    /// Identifies the picture and size, so an unchanged placement is not sent again.
    public var key: String
    /// What takes the picture off the screen where writing cells over it does not: kitty keeps pictures
    /// on a layer of their own above the text. Nil for sixel, whose pixels the cells overwrite.
    public var removal: String?

    public init(rect: Rect, sequence: String, key: String, removal: String? = nil) {
        self.rect = rect
        self.sequence = sequence
        self.key = key
        self.removal = removal
    }
}
