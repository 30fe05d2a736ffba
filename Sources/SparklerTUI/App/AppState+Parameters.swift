import SparklerCore

extension AppState {
    mutating func handleParameterKey(_ field: ParameterField, _ key: Key, _ modifiers: Modifiers) -> [Effect] {
        if TextEditCommand(key, modifiers) == .undo, !field.isText || textInput(field).text.isEmpty {
            undoFormChange()
            return []
        }
        let model = self.model
        return apply(parameters.handle(field, key, modifiers, form: &form, killRing: &killRing, model: model, catalogue: catalogue))
    }

    func toggleValue(_ field: ParameterField) -> Bool { form.toggleValue(field, model: model) }

    func sliderValue(_ field: ParameterField) -> Double { form.sliderValue(field, model: model) }

    func textInput(_ field: ParameterField) -> TextInput { form.textInput(field) }

    /// A path completion came back: applied if the field still holds what was completed.
    mutating func applyCompletion(_ completion: PathCompletion, field: ParameterField, original: String) {
        let reactions = ParameterEditor.apply(completion, field: field, original: original, to: &form)
        // Late, and the user has moved elsewhere: the focus is theirs.
        _ = apply(focus == .parameter(field) ? reactions : reactions.filter { $0 != .moveFocus(by: 1) })
    }

    /// Ctrl-Z on a parameter row: the form's last change to its parameters taken back, and said.
    private mutating func undoFormChange() {
        guard formUndo.canUndo else {
            status = StatusMessage("Nothing to undo in the form.", source: .form)
            return
        }
        let fields = formUndo.undo(&form)
        form.adapt(to: model)
        status = StatusMessage("Undone: " + fields.map(\.label).joined(separator: ", ") + ".")
    }
}
