import Foundation
import SparklerCore
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
        case .messages:
            let rect = centred(width: frame.width - 4, height: frame.height - 4, in: frame.bounds)
            dialogBox(&frame, rect: rect, title: "Messages, newest first (any key closes)")
            let width = rect.width - 4
            var y = rect.y + 1
            for message in state.messageLog.reversed() {
                let time = message.postedAt.map(Self.clock) ?? "--:--:--"
                let style = switch message.kind {
                case .info: theme.dialog
                case .success: theme.statusOk
                case .warning: theme.statusWarning
                case .error: theme.statusError
                }
                for (index, line) in Self.wrap(message.text, width: width - 9).enumerated() {
                    guard y < rect.maxY - 1 else { return nil }
                    if index == 0 { frame.put(time, x: rect.x + 2, y: y, style: theme.textDim) }
                    frame.put(line, x: rect.x + 11, y: y, style: style, limit: width - 9)
                    y += 1
                }
            }
            return nil
        case .confirmQuit:
            question(&frame, "A picture is still being made. Quit anyway? (y/n)")
            return nil
        case .confirmDelete(let id):
            question(&frame, "Delete history entry \(id) and its picture? (y/n)")
            return nil
        case .compareMenu(let choice):
            // One choice per line, so that the menu fits 80x24 whatever the model offers.
            let offered = CompareChoice.offered(for: state.model)
            var about = "For \"\(state.form.prompt.text)\""
            if let estimate = state.comparisonEstimate(choice) {
                about = "\(estimate.pictures) pictures · \(estimate.steps) steps" + (estimate.cost.map { " · ≈ \($0)" } ?? "")
            }
            let title = "Compare (↑ ↓ choose, Enter runs, Esc closes)"
            let width = min(frame.width - 2, max(CharacterWidth.of(title), CharacterWidth.of(about)) + 6)
            let rect = centred(width: width, height: min(frame.height - 2, offered.count + 4), in: frame.bounds)
            dialogBox(&frame, rect: rect, title: title)
            for (index, option) in offered.prefix(rect.height - 4).enumerated() {
                let text = (option == choice ? "▸ " : "  ") + option.title
                frame.put(text, x: rect.x + 2, y: rect.y + 1 + index, style: option == choice ? theme.choiceFocused : theme.dialog, limit: rect.width - 4)
            }
            frame.put(about, x: rect.x + 2, y: rect.maxY - 2, style: theme.textDim, limit: rect.width - 4)
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
        case .modelGuide(let selected, let firstWord):
            if let guide = state.modelGuide {
                drawModelGuide(guide, model: state.model, selected: selected, firstWord: firstWord, in: &frame)
            }
            return nil
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
    func dialogBox(_ frame: inout Frame, rect: Rect, title: String) {
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

    func centred(width: Int, height: Int, in bounds: Rect) -> Rect {
        Rect(x: max(0, (bounds.width - width) / 2), y: max(0, (bounds.height - height) / 2), width: width, height: height)
    }

}

extension OverlayView {
    /// `14:02:31`, local time.
    static func clock(_ date: Date) -> String {
        DateText.Local(date).secondText
    }

    /// Words into lines of at most `width` columns; a word longer than a line is cut into pieces.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in DisplayText.clean(text).split(separator: " ") {
            var word = String(word)
            while CharacterWidth.of(word) > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if !line.isEmpty, CharacterWidth.of(line) + 1 + CharacterWidth.of(word) > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? word : " " + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
