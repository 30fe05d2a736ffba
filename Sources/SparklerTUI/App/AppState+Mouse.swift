import SparklerGraphics

extension AppState {
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        guard overlay == nil, let layout else {
            if mouse.kind == .press { overlay = overlay == .help ? nil : overlay }
            return []
        }
        if let pane = layout.history, pane.contains(x: mouse.x, y: mouse.y) {
            return historyMouse(mouse, pane: pane)
        }
        guard mouse.kind == .press || mouse.kind == .drag else { return [] }
        if layout.prompt.contains(x: mouse.x, y: mouse.y) {
            focus = .prompt
        } else if layout.negative.contains(x: mouse.x, y: mouse.y) {
            focus = .negative
        } else if layout.parameters.contains(x: mouse.x, y: mouse.y) {
            parameterMouse(mouse, panel: layout.parameters)
        }
        return []
    }

    private mutating func historyMouse(_ mouse: MouseEvent, pane: Rect) -> [Effect] {
        switch mouse.kind {
        case .wheelUp:
            return moveSelection(to: history.selected - 3)
        case .wheelDown:
            return moveSelection(to: history.selected + 3)
        case .press:
            focus = .history
            let list = HistoryPaneLayout(pane: pane).list
            guard list.contains(x: mouse.x, y: mouse.y) else { return [] }
            let index = history.scroll + mouse.y - list.y
            guard history.rows.indices.contains(index) else { return [] }
            if index == history.selected {
                // A click on the selected row does what Enter does.
                return handleHistoryKey(.enter, [])
            }
            return moveSelection(to: index)
        default:
            return []
        }
    }

    private mutating func parameterMouse(_ mouse: MouseEvent, panel: Rect) {
        let rows = ParameterPanelLayout(panel: panel, fields: fields, focused: focusedField)
        guard let (field, row) = rows.field(atY: mouse.y) else { return }
        focus = .parameter(field)
        parameters.typedValue = nil
        guard case .slider(let spec) = field.kind(for: model) else {
            if mouse.kind == .press, field.kind(for: model) == .choice, mouse.x >= row.valueX { form.cycle(field, by: 1, model: model, catalogue: catalogue) }
            return
        }
        let bar = row.bar
        guard bar.width > 1, mouse.x >= bar.x - 1, mouse.x <= bar.maxX else { return }
        let fraction = Double(min(max(mouse.x - bar.x, 0), bar.width - 1)) / Double(bar.width - 1)
        form.setSlider(field, spec.lower + fraction * (spec.upper - spec.lower), spec)
    }

    var focusedField: ParameterField? {
        if case .parameter(let field) = focus { return field }
        return nil
    }
}

/// Where each parameter row is drawn, shared by the view and mouse handling. When the panel is
/// shorter than the rows, it scrolls to keep the focused row visible.
public struct ParameterPanelLayout: Sendable {
    public struct Row: Sendable {
        public var field: ParameterField
        public var y: Int
        public var labelX: Int
        public var valueX: Int
        /// The slider's track (sliders only use it).
        public var bar: Rect
        public var valueWidth: Int
    }

    public static let labelWidth = 9
    public static let numberWidth = 5

    public var rows: [Row]

    public init(panel: Rect, fields: [ParameterField], focused: ParameterField?) {
        let inside = panel.inset(by: 1)
        let visible = max(inside.height, 0)
        let focusedIndex = focused.flatMap { fields.firstIndex(of: $0) } ?? 0
        let first = fields.count <= visible ? 0 : min(max(focusedIndex - visible + 1, 0), fields.count - visible)
        let valueX = inside.x + Self.labelWidth
        let valueWidth = max(inside.maxX - valueX, 0)
        let barWidth = max(valueWidth - Self.numberWidth - 1, 0)
        rows = fields.dropFirst(first).prefix(visible).enumerated().map { offset, field in
            let y = inside.y + offset
            return Row(
                field: field, y: y, labelX: inside.x, valueX: valueX,
                bar: Rect(x: valueX, y: y, width: barWidth, height: 1), valueWidth: valueWidth
            )
        }
    }

    public func field(atY y: Int) -> (ParameterField, Row)? {
        rows.first { $0.y == y }.map { ($0.field, $0) }
    }
}
