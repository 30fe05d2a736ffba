import CNcurses

/// The escape sequences terminals send for keys, beyond what TERM's terminfo entry lists: a program run
/// inside tmux or screen with TERM=xterm-256color gets `ESC[1~` for Home, which xterm's entry does not
/// list, and would otherwise type `1~`. Covers xterm (normal and application cursor keys, with
/// modifiers), rxvt, tmux, screen, the Linux console and PuTTY. Sequences with parameters that are not
/// listed (kitty's `CSI u`) reach `TypedBytesDecoder` instead. Registered with curses only where
/// terminfo does not already name the sequence, so TERM's own keys win.
enum KeySequences {
    /// Sequence (after ESC) and the key it means.
    static let table: [(sequence: String, event: InputEvent)] = {
        var table: [(String, InputEvent)] = [
            // Home and End: xterm, its application mode, the console, screen/tmux, rxvt.
            ("[H", .key(.home)), ("OH", .key(.home)), ("[1~", .key(.home)), ("[7~", .key(.home)),
            ("[F", .key(.end)), ("OF", .key(.end)), ("[4~", .key(.end)), ("[8~", .key(.end)),
            ("[2~", .key(.insert)), ("[3~", .key(.delete)), ("[5~", .key(.pageUp)), ("[6~", .key(.pageDown)),
            // Arrows, normal and application cursor mode.
            ("[A", .key(.up)), ("[B", .key(.down)), ("[C", .key(.right)), ("[D", .key(.left)),
            ("OA", .key(.up)), ("OB", .key(.down)), ("OC", .key(.right)), ("OD", .key(.left)),
            // rxvt: Shift arrows, Ctrl arrows.
            ("[a", .key(.up, [.shift])), ("[b", .key(.down, [.shift])), ("[c", .key(.right, [.shift])), ("[d", .key(.left, [.shift])),
            ("Oa", .key(.up, [.control])), ("Ob", .key(.down, [.control])), ("Oc", .key(.right, [.control])), ("Od", .key(.left, [.control])),
            // F1-F4: xterm's SS3 form, the VT220/PuTTY form, the Linux console's.
            ("OP", .key(.function(1))), ("OQ", .key(.function(2))), ("OR", .key(.function(3))), ("OS", .key(.function(4))),
            ("[11~", .key(.function(1))), ("[12~", .key(.function(2))), ("[13~", .key(.function(3))), ("[14~", .key(.function(4))),
            ("[[A", .key(.function(1))), ("[[B", .key(.function(2))), ("[[C", .key(.function(3))), ("[[D", .key(.function(4))),
            ("[[E", .key(.function(5))),
        ]
        // xterm's modified keys: the parameter is 1 + a bit set of shift (1), alt (2) and control (4), the
        // bits of `Modifiers`.
        for parameter in 2...8 {
            let modifiers = Modifiers(rawValue: UInt8(parameter - 1))
            for (final, key) in [("A", Key.up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end)] {
                table.append(("[1;\(parameter)\(final)", .key(key, modifiers)))
            }
            for (number, key) in [(2, Key.insert), (3, .delete), (5, .pageUp), (6, .pageDown)] {
                table.append(("[\(number);\(parameter)~", .key(key, modifiers)))
            }
        }
        // rxvt's modified editing and function keys end in $ (Shift), ^ (Ctrl) or @ (Ctrl-Shift) instead of ~.
        let editing: [(Int, Key)] = [(2, .insert), (3, .delete), (5, .pageUp), (6, .pageDown), (7, .home), (8, .end)]
        for (number, key) in editing {
            for (final, modifiers) in [("$", Modifiers.shift), ("^", .control), ("@", [.control, .shift])] {
                table.append(("[\(number)\(final)", .key(key, modifiers)))
            }
        }
        let functionNumbers = [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]
        for (index, number) in functionNumbers.enumerated() {
            table.append(("[\(number)^", .key(.function(index + 1), [.control])))
        }
        return table
    }()

    /// The table's longest sequence that `bytes` (after ESC) begins with, and its length.
    static func longestMatch(at bytes: ArraySlice<UInt8>) -> (event: InputEvent, length: Int)? {
        tableBytes.filter { bytes.starts(with: $0.sequence) }.max { $0.sequence.count < $1.sequence.count }
            .map { ($0.event, $0.sequence.count) }
    }

    private static let tableBytes = table.map { (sequence: Array($0.sequence.utf8), event: $0.event) }

    /// Key codes for the table's sequences: far above KEY_MAX, where curses numbers the keys of terminfo's
    /// extended capabilities, and apart from the paste markers.
    static let firstCode = KEY_MAX + 1000

    static func event(forCode code: Int32) -> InputEvent? {
        let index = Int(code - firstCode)
        return table.indices.contains(index) ? table[index].event : nil
    }

    /// Tells curses every sequence that terminfo does not name already.
    static func register() {
        for (index, entry) in table.enumerated() {
            let sequence = "\u{1B}" + entry.sequence
            if key_defined(sequence) == 0 {
                define_key(sequence, firstCode + Int32(index))
            }
        }
    }
}
