/// What the terminal said about itself when asked at start-up (`TerminalQuery`); nil where it did not answer.
public struct TerminalAnswers: Sendable, Equatable {
    /// DA1's attributes; every terminal answers DA1, so this is also how we know the others had their chance.
    public var primaryAttributes: [Int]?
    /// XTVERSION: e.g. `XTerm(390)`, `kitty(0.26.5)`, `WezTerm 20240203`, `tmux 3.4`.
    public var version: String?
    /// The kitty graphics query: true for `OK`, false for an error.
    public var kittyGraphics: Bool?
    /// XTSMGRAPHICS item 1: how many colour registers sixel pictures may use.
    public var colorRegisters: Int?
    /// XTSMGRAPHICS item 2: the largest sixel picture, in pixels.
    public var sixelLimit: PixelSize?
    /// `CSI 16 t`'s answer.
    public var cellPixels: PixelSize?
    /// `CSI 14 t`'s answer: the text area, to divide by the cells when the cell size is not given.
    public var textAreaPixels: PixelSize?
    /// The column of each cursor position report, in order (the emoji measurement's answers).
    public var cursorColumns: [Int] = []
    /// XTGETTCAP answers by capability name (`RGB`, `Tc`): a value ("" for a flag) when the terminal has it.
    public var capabilities: [String: String] = [:]
    /// Every answer, as read, for `sparkler doctor`.
    public var replies: [TerminalReply] = []

    public init() {}

    public init(_ replies: [TerminalReply]) {
        for reply in replies { record(reply) }
    }

    public var answeredAnything: Bool { !replies.isEmpty }

    /// DA1 attribute 4.
    public var hasSixel: Bool { primaryAttributes?.contains(4) == true }

    /// XTGETTCAP `RGB` or `Tc`: the terminal takes 24-bit colour.
    public var hasDirectColor: Bool { capabilities["RGB"] != nil || capabilities["Tc"] != nil }

    public mutating func record(_ reply: TerminalReply) {
        replies.append(reply)
        switch reply {
        case .primaryAttributes(let attributes): primaryAttributes = attributes
        case .version(let text): version = text
        case .kittyGraphics(let ok): kittyGraphics = ok
        case .graphicsAttribute(item: 1, status: 0, let values) where !values.isEmpty: colorRegisters = values[0]
        case .graphicsAttribute(item: 2, status: 0, let values) where values.count >= 2:
            sixelLimit = PixelSize(width: values[0], height: values[1])
        case .graphicsAttribute: break
        case .cellPixels(let width, let height) where width > 0 && height > 0:
            cellPixels = PixelSize(width: width, height: height)
        case .textAreaPixels(let width, let height) where width > 0 && height > 0:
            textAreaPixels = PixelSize(width: width, height: height)
        case .cellPixels, .textAreaPixels: break
        case .cursorPosition(_, let column): cursorColumns.append(column)
        case .capability(let name, let value): if let value { capabilities[name] = value }
        case .other: break
        }
    }
}

/// A size in pixels.
public struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}
