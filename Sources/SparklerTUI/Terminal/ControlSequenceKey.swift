/// A key sent as a control sequence with numeric parameters, `CSI number ; modifiers final`: xterm's
/// modified keys (`ESC[1;5D`, `ESC[15;2~`), xterm's modifyOtherKeys (`ESC[27;5;97~`), and kitty's keyboard
/// protocol, which foot, WezTerm and tmux's extended keys speak too (`ESC[97;5u`, with `:` sub-parameters
/// for shifted keys and press, repeat or release). The modifier parameter is 1 + a bit set of shift (1),
/// alt (2) and control (4), the bits of `Modifiers`; kitty's higher bits (super, hyper, meta, the locks)
/// are left out.
enum ControlSequenceKey {
    /// The key a complete sequence (after `ESC [`) means; nil for one that means no key here: a key's
    /// release, a modifier key alone, or a sequence that is not a key.
    static func decode(parameters: String, final: Character) -> InputEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } }
        guard fields.allSatisfy({ field in field.allSatisfy { $0 != nil } || field == [nil] }) else { return nil }
        func value(_ field: Int, _ sub: Int = 0) -> Int? {
            fields.indices.contains(field) && fields[field].indices.contains(sub) ? fields[field][sub] : nil
        }
        let modifiers = Modifiers(rawValue: UInt8((max(value(1) ?? 1, 1) - 1) & 0b111))
        if value(1, 1) == releaseEvent { return nil }
        switch final {
        case "u":
            return value(0).flatMap { codepointKey($0, shifted: value(0, 1), modifiers) }
        case "~" where value(0) == 27:
            // modifyOtherKeys: 27 ; modifiers ; code ~
            return value(2).flatMap { codepointKey($0, shifted: nil, modifiers) }
        case "~":
            return value(0).flatMap { tildeKeys[$0] }.map { InputEvent.key($0, modifiers) }
        default:
            guard (value(0) ?? 1) == 1, let key = letterKeys[final] else { return nil }
            return .key(key, modifiers)
        }
    }

    private static let releaseEvent = 3

    /// `CSI number ~`: the VT220 editing keys and function keys, the numbers xterm, rxvt, the console and
    /// kitty share.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// `CSI 1 ; modifiers letter`.
    private static let letterKeys: [Character: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4), "Z": .backTab,
    ]

    /// Kitty numbers keys by their Unicode code point; keys without one (the keypad, modifier keys) by
    /// code points in the private use area.
    private static func codepointKey(_ code: Int, shifted: Int?, _ modifiers: Modifiers) -> InputEvent? {
        switch code {
        case 9: return modifiers.contains(.shift) ? .key(.backTab, modifiers.subtracting(.shift)) : .key(.tab, modifiers)
        case 13: return .key(.enter, modifiers)
        case 27: return .key(.escape, modifiers)
        case 8, 127: return .key(.backspace, modifiers)
        case keypadKeys:
            return .key(keypad[code - keypadKeys.lowerBound], modifiers)
        case privateUse:
            return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(clamping: code)) else { return nil }
            // Shift and nothing else types text: the shifted key when kitty reports it, else the upper case.
            if modifiers == [.shift] {
                let upper = String(scalar).uppercased()
                let typed = shifted.flatMap { Unicode.Scalar(UInt32(clamping: $0)) }.map(Character.init)
                    ?? (upper.count == 1 ? Character(upper) : Character(scalar))
                return .key(.character(typed))
            }
            return .key(.character(Character(scalar)), modifiers)
        }
    }

    private static let privateUse = 0xE000...0xF8FF
    private static let keypadKeys = 57399...57426
    /// KP_0 to KP_DELETE, in kitty's order.
    private static let keypad: [Key] = "0123456789./*-+".map { Key.character($0) } + [
        .enter, .character("="), .character(","), .left, .right, .up, .down, .pageUp, .pageDown, .home, .end, .insert, .delete,
    ]
}
