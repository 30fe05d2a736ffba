import SparklerGraphics

/// Help and the questions that need an answer before anything else happens.
struct OverlayView {
    static var helpLines: [(String, String)] { Keymap.help.map { ($0.keys, $0.summary) } }

    var theme: Theme

    /// Returns the cursor for dialogs that take text.
    func draw(_ overlay: Overlay, in frame: inout Frame, state: AppState) -> (x: Int, y: Int)? {
        switch overlay {
        case .help:
            let keyWidth = Self.helpLines.map { CharacterWidth.of($0.0) }.max() ?? 0
            let width = min(frame.width - 2, keyWidth + 4 + (Self.helpLines.map { CharacterWidth.of($0.1) }.max() ?? 0))
            let rect = centred(width: width + 2, height: min(frame.height - 2, Self.helpLines.count + 3), in: frame.bounds)
            dialogBox(&frame, rect: rect, title: "Keys (any key closes)")
            for (index, line) in Self.helpLines.prefix(rect.height - 3).enumerated() {
                let y = rect.y + 1 + index
                frame.put(line.0, x: rect.x + 2, y: y, style: theme.helpKey, limit: keyWidth)
                frame.put(line.1, x: rect.x + 4 + keyWidth, y: y, style: theme.helpText, limit: rect.maxX - rect.x - keyWidth - 5)
            }
            return nil
        case .confirmQuit:
            question(&frame, "A picture is still being made. Quit anyway? (y/n)")
            return nil
        case .confirmDelete(let id):
            question(&frame, "Delete history entry \(id) and its picture? (y/n)")
            return nil
        case .compareMenu(let choice):
            let offered = CompareChoice.offered(for: state.model)
            let line = offered.map { $0 == choice ? "[\($0.title)]" : " \($0.title) " }.joined(separator: " ")
            let rect = centred(width: min(frame.width - 2, CharacterWidth.of(line) + 4), height: 4, in: frame.bounds)
            dialogBox(&frame, rect: rect, title: "Compare (← → choose, Enter runs, Esc closes)")
            var x = rect.x + 2
            for option in offered {
                let text = option == choice ? "[\(option.title)]" : " \(option.title) "
                x += frame.put(text + " ", x: x, y: rect.y + 1, style: option == choice ? theme.choiceFocused : theme.dialog, limit: rect.maxX - 2 - x)
            }
            var about = "For \"\(state.form.prompt.text)\""
            if let estimate = state.comparisonEstimate(choice) {
                about = "\(estimate.pictures) pictures · \(estimate.steps) steps" + (estimate.cost.map { " · ≈ \($0)" } ?? "") + " · " + about
            }
            frame.put(about, x: rect.x + 2, y: rect.y + 2, style: theme.textDim, limit: rect.width - 4)
            return nil
        case .confirmCompare(let plan, let title):
            let cost = state.cost(of: plan).map { " (≈ \($0))" } ?? ""
            question(&frame, "\(title): \(plan.cells.count) pictures will bill \(plan.billedSteps) steps\(cost). Run? (y/n)")
            return nil
        case .exportSheet(let path):
            let rect = centred(width: min(frame.width - 4, 70), height: 4, in: frame.bounds)
            dialogBox(&frame, rect: rect, title: "Export the grid as one PNG (Enter writes, Esc cancels)")
            return TextFieldView(input: path, placeholder: "path", focused: true)
                .draw(in: &frame, rect: Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: 1), theme: theme)
        case .exportPath(_, let path):
            let rect = centred(width: min(frame.width - 4, 70), height: 4, in: frame.bounds)
            dialogBox(&frame, rect: rect, title: "Export to (Enter writes, Esc cancels)")
            return TextFieldView(input: path, placeholder: "path", focused: true)
                .draw(in: &frame, rect: Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: 1), theme: theme)
        }
    }

    private func question(_ frame: inout Frame, _ text: String) {
        let rect = centred(width: min(frame.width - 4, CharacterWidth.of(text) + 6), height: 3, in: frame.bounds)
        dialogBox(&frame, rect: rect, title: "")
        frame.put(text, x: rect.x + 2, y: rect.y + 1, style: theme.dialog, limit: rect.width - 4)
    }

    /// Pictures drawn as terminal graphics cannot be partly covered: those under the dialog hide while it is open.
    private func dialogBox(_ frame: inout Frame, rect: Rect, title: String) {
        frame.placements.removeAll { $0.rect.intersects(rect) }
        frame.fill(rect, style: theme.dialog)
        let horizontal = String(repeating: "─", count: max(rect.width - 2, 0))
        frame.put("╭" + horizontal + "╮", x: rect.x, y: rect.y, style: theme.dialogBorder)
        frame.put("╰" + horizontal + "╯", x: rect.x, y: rect.maxY - 1, style: theme.dialogBorder)
        for y in (rect.y + 1)..<max(rect.maxY - 1, rect.y + 1) {
            frame.put("│", x: rect.x, y: y, style: theme.dialogBorder)
            frame.put("│", x: rect.maxX - 1, y: y, style: theme.dialogBorder)
        }
        if !title.isEmpty {
            frame.put(" \(title) ", x: rect.x + 2, y: rect.y, style: theme.titleFocused, limit: rect.width - 4)
        }
    }

    private func centred(width: Int, height: Int, in bounds: Rect) -> Rect {
        Rect(x: max(0, (bounds.width - width) / 2), y: max(0, (bounds.height - height) / 2), width: width, height: height)
    }
}
