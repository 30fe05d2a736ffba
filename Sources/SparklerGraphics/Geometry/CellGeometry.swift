import Glibc

/// A terminal cell's size in pixels, and where that figure came from: the one source every picture's
/// size is worked out from.
public struct CellGeometry: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The kernel's window size (TIOCGWINSZ `ws_xpixel`, `ws_ypixel`), which the terminal keeps current.
        case kernel
        /// The terminal's answer to `CSI 16 t`.
        case cellReply
        /// The terminal's answer to `CSI 14 t` (the text area), divided by the cells.
        case textAreaReply
        /// Nothing told us: 10x20, the most common cell of monospace fonts at their usual sizes.
        case fallback
    }

    public var pixels: PixelSize
    public var source: Source

    public static let fallback = CellGeometry(pixels: PixelSize(width: 10, height: 20), source: .fallback)

    public init(pixels: PixelSize, source: Source) {
        self.pixels = pixels
        self.source = source
    }

    /// The kernel's figure first (it follows resizes and font changes), then the terminal's answers.
    public static func resolve(window: TerminalWindow?, answers: TerminalAnswers?) -> CellGeometry {
        if let window, let cell = window.cellPixels { return CellGeometry(pixels: cell, source: .kernel) }
        if let cell = answers?.cellPixels { return CellGeometry(pixels: cell, source: .cellReply) }
        if let area = answers?.textAreaPixels, let window, window.columns > 0, window.rows > 0,
           area.width / window.columns > 0, area.height / window.rows > 0 {
            return CellGeometry(
                pixels: PixelSize(width: area.width / window.columns, height: area.height / window.rows), source: .textAreaReply)
        }
        return fallback
    }

    /// How `sparkler doctor` says it.
    public var description: String {
        let origin = switch source {
        case .kernel: "from the kernel's window size (TIOCGWINSZ)"
        case .cellReply: "from the terminal's answer to CSI 16 t"
        case .textAreaReply: "from the terminal's text area (CSI 14 t) divided by its cells"
        case .fallback: "assumed: the terminal did not say (TIOCGWINSZ without pixels, no answer to CSI 16 t or 14 t)"
        }
        return "\(pixels) pixels, \(origin)"
    }
}

/// The terminal window standard output goes to, as the kernel reports it.
public struct TerminalWindow: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    /// The text area in pixels; terminals that do not fill it in leave zeros.
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(columns: Int, rows: Int, pixelWidth: Int = 0, pixelHeight: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    public static func ofStandardOutput() -> TerminalWindow? {
        of(descriptor: STDOUT_FILENO)
    }

    public static func of(descriptor: Int32) -> TerminalWindow? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalWindow(
            columns: Int(size.ws_col), rows: Int(size.ws_row), pixelWidth: Int(size.ws_xpixel), pixelHeight: Int(size.ws_ypixel))
    }

    /// One cell in pixels, nil when the terminal does not report its pixels.
    public var cellPixels: PixelSize? {
        guard columns > 0, rows > 0, pixelWidth >= columns, pixelHeight >= rows else { return nil }
        return PixelSize(width: pixelWidth / columns, height: pixelHeight / rows)
    }
}
