import CNcurses

/// Turns what `wget_wch` reports into key events. Pure, so every mapping is tested without a terminal.
enum KeyDecoder {
    /// A character `wget_wch` returned as text (OK): printable text, or a control character.
    static func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 0: return .key(.character(" "), [.control])
        case 1...26: return .key(.character(Character(Unicode.Scalar(UInt8(96 + value)))), [.control])
        case 28...31: return .key(.character(Character(Unicode.Scalar(UInt8(64 + value)))), [.control])
        case 32..<127, 160...:
            return Unicode.Scalar(value).map { .key(.character(Character($0))) }
        default:
            return nil
        }
    }

    /// A key code `wget_wch` returned as KEY_CODE_YES, one that curses names itself.
    static func functionKey(_ code: Int32) -> InputEvent? {
        if code > KEY_F0, code <= KEY_F0 + 63 { return functionNumber(Int(code - KEY_F0)) }
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_IC: return .key(.insert)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_SR: return .key(.up, [.shift])
        case KEY_SF: return .key(.down, [.shift])
        case KEY_SLEFT: return .key(.left, [.shift])
        case KEY_SRIGHT: return .key(.right, [.shift])
        case KEY_SHOME: return .key(.home, [.shift])
        case KEY_SEND: return .key(.end, [.shift])
        case KEY_SPREVIOUS: return .key(.pageUp, [.shift])
        case KEY_SNEXT: return .key(.pageDown, [.shift])
        case KEY_SIC: return .key(.insert, [.shift])
        case KEY_SDC: return .key(.delete, [.shift])
        default: return nil
        }
    }

    /// A key from terminfo's extended capabilities, known by name: `kLFT5` is Ctrl-Left. The digit
    /// is xterm's modifier parameter, one more than a bit set of shift (1), alt (2) and control (4),
    /// the same bits as `Modifiers`.
    static func extendedKey(named name: String) -> InputEvent? {
        guard let digit = name.last?.wholeNumberValue, (2...8).contains(digit) else { return nil }
        let keys: [String: Key] = [
            "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
            "kPRV": .pageUp, "kNXT": .pageDown, "kIC": .insert, "kDC": .delete,
        ]
        guard let key = keys[String(name.dropLast())] else { return nil }
        return .key(key, Modifiers(rawValue: UInt8(digit - 1)))
    }

    /// The key `event` with Alt added: what Esc followed at once by another key means.
    static func addingAlt(to event: InputEvent) -> InputEvent {
        guard case .key(let key, let modifiers) = event else { return event }
        return .key(key, modifiers.union(.alt))
    }

    /// F13 and up are F1-F12 with modifiers, twelve at a time (xterm's terminfo entries).
    private static func functionNumber(_ number: Int) -> InputEvent {
        let groups: [Modifiers] = [[], [.shift], [.control], [.control, .shift], [.alt], [.alt, .shift]]
        return .key(.function((number - 1) % 12 + 1), groups[(number - 1) / 12])
    }
}
