import SparklerCore
import SparklerGraphics

/// The parameter panel: one row per parameter the model takes, each drawn by its kind.
struct ParameterPanelView {
    var theme: Theme

    /// Returns the text cursor when a text field of the panel has the focus.
    func draw(in frame: inout Frame, rect: Rect, state: AppState) -> (x: Int, y: Int)? {
        let focused = state.focusedField
        Box(title: "Parameters", focused: focused != nil).draw(in: &frame, rect: rect, theme: theme)
        let layout = ParameterPanelLayout(panel: rect, fields: state.fields, focused: focused)
        var cursor: (x: Int, y: Int)?
        for row in layout.rows {
            let isFocused = row.field == focused
            frame.put(row.field.label, x: row.labelX, y: row.y, style: isFocused ? theme.titleFocused : theme.label, limit: ParameterPanelLayout.labelWidth - 1)
            switch row.field.kind(for: state.model, mode: state.form.mode) {
            case .slider(let spec):
                drawSlider(&frame, row: row, spec: spec, value: state.sliderValue(row.field), typed: isFocused ? state.typedValue : nil, focused: isFocused)
            case .choice:
                drawChoice(&frame, row: row, texts: choiceTexts(row.field, state: state), focused: isFocused)
            case .toggle:
                drawChoice(&frame, row: row, texts: [state.toggleValue(row.field) ? "on" : "off"], focused: isFocused)
            case .seed:
                drawSeed(&frame, row: row, state: state, focused: isFocused)
            case .text:
                let field = TextFieldView(input: state.textInput(row.field), placeholder: placeholder(row.field), focused: isFocused)
                let area = Rect(x: row.valueX, y: row.y, width: row.valueWidth, height: 1)
                if let position = field.draw(in: &frame, rect: area, theme: theme) { cursor = position }
            }
        }
        return cursor
    }

    private func drawSlider(_ frame: inout Frame, row: ParameterPanelLayout.Row, spec: SliderSpec, value: Double, typed: String?, focused: Bool) {
        let bar = row.bar
        if bar.width > 1 {
            let fraction = spec.upper > spec.lower ? (value - spec.lower) / (spec.upper - spec.lower) : 0
            let knob = bar.x + Int((fraction * Double(bar.width - 1)).rounded())
            for x in bar.x..<bar.maxX {
                if x == knob {
                    frame.put("●", x: x, y: row.y, style: focused ? theme.sliderKnobFocused : theme.sliderKnob)
                } else {
                    frame.put(x < knob ? "━" : "─", x: x, y: row.y, style: x < knob ? theme.sliderFilled : theme.sliderEmpty)
                }
            }
        }
        let text = typed.map { $0 + "▏" } ?? spec.format(value)
        let style = typed != nil ? theme.fieldFocused : (focused ? theme.choiceFocused : theme.value)
        let width = ParameterPanelLayout.numberWidth
        let padded = String(repeating: " ", count: max(0, width - text.count)) + text
        frame.put(padded, x: row.valueX + row.valueWidth - width, y: row.y, style: style, limit: width)
    }

    /// `texts`: the value's names, longest first; the first that fits is shown, else the last cut with "…".
    private func drawChoice(_ frame: inout Frame, row: ParameterPanelLayout.Row, texts: [String], focused: Bool) {
        let arrows = focused ? " ◂ ▸" : ""
        let room = row.valueWidth - CharacterWidth.of(arrows)
        let text = texts.first { CharacterWidth.of($0) <= room } ?? CharacterWidth.truncated(texts.last ?? "", to: room)
        frame.put(text, x: row.valueX, y: row.y, style: focused ? theme.choiceFocused : theme.choice, limit: room)
        if focused {
            frame.put(arrows, x: row.valueX + row.valueWidth - CharacterWidth.of(arrows), y: row.y, style: theme.keyHint)
        }
    }

    private func drawSeed(_ frame: inout Frame, row: ParameterPanelLayout.Row, state: AppState, focused: Bool) {
        let form = state.form
        let value = focused ? state.typedValue.map { $0 + "▏" } : nil
        let number = value ?? (form.seed == 0 ? "—" : String(form.seed))
        frame.put(number, x: row.valueX, y: row.y, style: focused ? theme.choiceFocused : theme.value, limit: row.valueWidth - 8)
        let mode = form.seedLocked ? "locked" : "random"
        frame.put(mode, x: row.valueX + row.valueWidth - 6, y: row.y, style: form.seedLocked ? theme.value : theme.textDim)
    }

    private func choiceTexts(_ field: ParameterField, state: AppState) -> [String] {
        if field == .model { return [state.model.displayName, state.model.shortName] }
        return [choiceText(field, state: state)]
    }

    private func choiceText(_ field: ParameterField, state: AppState) -> String {
        let form = state.form
        let model = state.model
        switch field {
        case .mode: return form.mode.rawValue
        case .size: return model.takesAspectRatio ? (form.aspectRatio ?? "") : (form.size?.description ?? "")
        case .sampler: return form.sampler?.rawValue ?? "default"
        case .format: return form.format == .jpeg ? "JPG" : "PNG"
        case .initMode: return form.initMode == .strength ? "strength" : "step schedule"
        default: return ""
        }
    }

    private func placeholder(_ field: ParameterField) -> String {
        switch field {
        case .initImage, .controlImage, .editImage: "path (Tab completes)"
        case .controlNet: "e.g. canny"
        default: ""
        }
    }
}
