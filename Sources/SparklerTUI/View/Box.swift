import SparklerGraphics

/// A bordered panel with a title in its top edge: `┌ Prompt ─────┐`.
struct Box {
    var title: String
    var focused: Bool
    var hint: String = ""

    func draw(in frame: inout Frame, rect: Rect, theme: Theme) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = focused ? theme.borderFocused : theme.border
        frame.fill(rect, style: theme.background)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        frame.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        frame.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            frame.put("│", x: rect.x, y: y, style: border)
            frame.put("│", x: rect.maxX - 1, y: y, style: border)
        }
        let titleText = " \(title) "
        let used = frame.put(titleText, x: rect.x + 1, y: rect.y, style: focused ? theme.titleFocused : theme.title, limit: rect.width - 2)
        if !hint.isEmpty, used + CharacterWidth.of(hint) + 4 < rect.width {
            frame.put(" \(hint) ", x: rect.x + 1 + used, y: rect.y, style: theme.keyHint, limit: rect.width - 3 - used)
        }
    }
}
