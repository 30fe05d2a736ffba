import Foundation
import SparklerCore
import SparklerGraphics

/// Draws the whole playground from the state alone: the same state always gives the same frame.
public struct PlaygroundView {
    public var theme: Theme
    public var pictures: any PictureSource

    public init(theme: Theme, pictures: any PictureSource) {
        self.theme = theme
        self.pictures = pictures
    }

    public func render(_ state: AppState) -> Frame {
        var frame = Frame(width: state.width, height: state.height, fill: Cell(" ", style: theme.background))
        guard let layout = state.layout else {
            drawTooSmall(&frame, state: state)
            return frame
        }
        var cursor: (x: Int, y: Int)?

        let coverage = state.promptCoverage
        var promptHint = state.focus == .prompt && !state.recalledPrompts.isEmpty ? "↑ earlier prompts" : ""
        if state.focus == .prompt, let search = state.recall.search {
            let query = search.query.text
            promptHint = search.match == nil && !query.isEmpty ? "no earlier prompt has “\(query)” · Esc: back"
                : "search: “\(query)” · Ctrl-R older · Enter keeps · Esc back"
        } else if !coverage.unknownWords.isEmpty {
            promptHint = "unknown to \(state.model.id.name): " + coverage.unknownWords.joined(separator: ", ") + " · F3: its words"
        } else if !coverage.mappedWords.isEmpty {
            promptHint = "read as " + coverage.mappedWords.map(\.description).joined(separator: ", ")
        } else if !coverage.truncatedWords.isEmpty {
            promptHint = "\(coverage.truncatedWords.count) words past the limit are dropped"
        }
        let promptCursor = drawTextBox(
            &frame, rect: layout.prompt, title: "Prompt", input: state.form.prompt,
            placeholder: "Describe the picture, then press Enter", focused: state.focus == .prompt,
            hint: promptHint, markedWords: Set(coverage.unknownWords)
        )
        let negativeCursor = drawTextBox(
            &frame, rect: layout.negative, title: "Negative", input: state.form.negative,
            placeholder: state.model.acceptsNegativePrompt ? "What to leave out (optional)" : "This model takes no negative prompt",
            focused: state.focus == .negative, hint: ""
        )
        cursor = promptCursor ?? negativeCursor
        if let fieldCursor = ParameterPanelView(theme: theme).draw(in: &frame, rect: layout.parameters, state: state) {
            cursor = fieldCursor
        }
        ImagePaneView(theme: theme, pictures: pictures).draw(in: &frame, rect: layout.image, state: state)
        if let pane = layout.history {
            if let searchCursor = HistoryPaneView(theme: theme, pictures: pictures).draw(in: &frame, rect: pane, state: state) {
                cursor = searchCursor
            }
        }
        StatusLineView(theme: theme).draw(in: &frame, rect: layout.status, state: state)
        if let overlay = state.overlay {
            cursor = OverlayView(theme: theme).draw(overlay, in: &frame, state: state)
        }
        frame.cursor = cursor
        return frame
    }

    private func drawTextBox(
        _ frame: inout Frame, rect: Rect, title: String, input: TextInput, placeholder: String, focused: Bool, hint: String,
        markedWords: Set<String> = []
    ) -> (x: Int, y: Int)? {
        Box(title: title, focused: focused, hint: hint).draw(in: &frame, rect: rect, theme: theme)
        return TextFieldView(input: input, placeholder: placeholder, focused: focused, markedWords: markedWords)
            .draw(in: &frame, rect: rect.inset(by: 1), theme: theme)
    }

    private func drawTooSmall(_ frame: inout Frame, state: AppState) {
        let lines = [
            "Make the window larger:",
            "at least \(Layout.minimumWidth)x\(Layout.minimumHeight)",
            "(now \(state.width)x\(state.height)).",
            "q quits.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (state.width - CharacterWidth.of(line)) / 2)
            frame.put(line, x: x, y: top + index, style: theme.statusWarning)
        }
    }
}
