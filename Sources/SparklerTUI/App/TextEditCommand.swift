/// What a key does in a text field: readline's emacs keys, with the arrows and Home/End as well.
enum TextEditCommand: Equatable {
    case type(Character)
    case moveLeft, moveRight, moveToStart, moveToEnd, moveWordBackward, moveWordForward
    case deleteBackward, deleteForward
    /// Ctrl-U and Ctrl-K: to the start or the end of the text.
    case killToStart, killToEnd
    /// Ctrl-W: back to the previous space, so that it takes a whole path.
    case killSpaceWordBackward
    /// Alt-Backspace and Alt-D: a word of letters and digits, so that it takes one part of a path.
    case killWordBackward, killWordForward
    case yank, yankPop, undo

    /// Nil for a key that is not an editing key, which the field's owner handles.
    init?(_ key: Key, _ modifiers: Modifiers) {
        switch (key, modifiers) {
        case (.left, []), (.character("b"), [.control]): self = .moveLeft
        case (.right, []), (.character("f"), [.control]): self = .moveRight
        case (.home, _), (.character("a"), [.control]): self = .moveToStart
        case (.end, _), (.character("e"), [.control]): self = .moveToEnd
        case (.character("b"), [.alt]), (.left, [.control]), (.left, [.alt]): self = .moveWordBackward
        case (.character("f"), [.alt]), (.right, [.control]), (.right, [.alt]): self = .moveWordForward
        case (.backspace, [.alt]), (.backspace, [.control]): self = .killWordBackward
        case (.backspace, _), (.character("h"), [.control]): self = .deleteBackward
        case (.character("d"), [.alt]), (.delete, [.control]): self = .killWordForward
        case (.delete, _), (.character("d"), [.control]): self = .deleteForward
        case (.character("u"), [.control]): self = .killToStart
        case (.character("k"), [.control]): self = .killToEnd
        case (.character("w"), [.control]): self = .killSpaceWordBackward
        case (.character("y"), [.control]): self = .yank
        case (.character("y"), [.alt]): self = .yankPop
        // Ctrl-_ (which Ctrl-/ also sends) is readline's undo, Ctrl-Z the one most people try first.
        case (.character("_"), [.control]), (.character("/"), [.control]), (.character("z"), [.control]): self = .undo
        case (.character(let character), let mods) where mods.isSubset(of: [.shift]): self = .type(character)
        default: return nil
        }
    }
}

extension InputEvent {
    /// Ctrl-Z or Ctrl-_ (Ctrl-/): undo, in a text field or on the form.
    var isUndo: Bool {
        if case .key(let key, let modifiers) = self { return TextEditCommand(key, modifiers) == .undo }
        return false
    }
}
