import SparklerGraphics

/// What the terminal reports: keys, mouse, resizes. The terminal layer decodes ncurses input
/// into these; `update` never sees ncurses.
public enum InputEvent: Sendable, Equatable {
    case key(Key, Modifiers = [])
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Text the terminal delivered as one bracketed paste: typed into a field, never taken as keys.
    case paste(String)
    /// An answer to a query that came after the start-up wait (a slow terminal, or a cell size asked
    /// again after a resize): never typed into a field.
    case terminalReply(TerminalReply)
}

public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let control = Modifiers(rawValue: 4)
}

public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case press, release, drag, wheelUp, wheelDown
    }

    public var kind: Kind
    /// 1 left, 2 middle, 3 right; 0 for wheel events.
    public var button: Int
    public var x: Int
    public var y: Int

    public init(kind: Kind, button: Int = 1, x: Int, y: Int) {
        self.kind = kind
        self.button = button
        self.x = x
        self.y = y
    }
}
