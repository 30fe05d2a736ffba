import SparklerCore

/// Keys on the parameter rows: sliders, choices, toggles, the seed and the path fields. Holds the digits
/// typed into a slider or the seed until Enter commits them; the values themselves live in the form.
public struct ParameterEditor: Sendable, Equatable {
    /// Digits typed into a focused slider or seed, not yet committed with Enter.
    public var typedValue: String?

    public init() {}

    public mutating func handle(
        _ field: ParameterField, _ key: Key, _ modifiers: Modifiers,
        form: inout FormState, killRing: inout KillRing, model: ModelCapabilities, catalogue: ModelCatalogue
    ) -> [Reaction] {
        switch (key, modifiers) {
        case (.up, []):
            return [.moveFocus(by: -1)]
        case (.down, []):
            return [.moveFocus(by: 1)]
        case (.enter, _) where typedValue == nil:
            // Enter generates from any row, as from the prompt; a value being typed is committed first.
            return [.generate]
        default:
            break
        }
        switch field.kind(for: model, mode: form.mode) {
        case .slider(let spec):
            return handleSlider(field, spec, key, modifiers, form: &form, model: model)
        case .choice:
            switch key {
            case .left, .character("h"): form.cycle(field, by: -1, model: model, catalogue: catalogue)
            case .right, .character("l"), .character(" "): form.cycle(field, by: 1, model: model, catalogue: catalogue)
            default: break
            }
        case .toggle:
            if [.character(" "), .left, .right].contains(key) {
                form.setToggle(field, !form.toggleValue(field, model: model))
            }
        case .seed:
            return handleSeed(key, form: &form)
        case .text:
            return handleTextField(field, key, modifiers, form: &form, killRing: &killRing)
        }
        return []
    }

    // MARK: Sliders

    private mutating func handleSlider(
        _ field: ParameterField, _ spec: SliderSpec, _ key: Key, _ modifiers: Modifiers, form: inout FormState, model: ModelCapabilities
    ) -> [Reaction] {
        let value = form.sliderValue(field, model: model)
        switch (key, modifiers) {
        case (.left, []), (.character("h"), []): form.setSlider(field, value - spec.step, spec)
        case (.right, []), (.character("l"), []): form.setSlider(field, value + spec.step, spec)
        case (.left, [.shift]), (.pageDown, _), (.character("H"), _): form.setSlider(field, value - 10 * spec.step, spec)
        case (.right, [.shift]), (.pageUp, _), (.character("L"), _): form.setSlider(field, value + 10 * spec.step, spec)
        case (.home, _): form.setSlider(field, spec.lower, spec)
        case (.end, _): form.setSlider(field, spec.upper, spec)
        case (.character(let character), []) where character.isNumber || character == ".":
            typedValue = (typedValue ?? "") + String(character)
        case (.character(let character), _) where character == "-" || character == "," || character == "+" || character == "e":
            // Said, never dropped: "3,5" must not become 35, nor "-3" become 3.
            // Kept in what is shown as typed, so that Enter refuses it rather than taking what is left.
            typedValue = (typedValue ?? "") + String(character)
            let why = character == "-" ? "\(field.label) is never negative" : "type the number with a point, e.g. 3.5"
            return [.notify(StatusMessage("\(why): \(field.label) is \(spec.rangeText).", kind: .error, source: .form))]
        case (.backspace, _):
            eraseTypedDigit()
        case (.enter, _):
            return commitTypedSlider(field, spec, form: &form)
        case (.escape, _):
            typedValue = nil
        default:
            break
        }
        return []
    }

    private mutating func commitTypedSlider(_ field: ParameterField, _ spec: SliderSpec, form: inout FormState) -> [Reaction] {
        guard let typed = typedValue else { return [] }
        typedValue = nil
        guard let value = Double(typed) else {
            return [.notify(StatusMessage("\(typed) is not a number: type one like 3.5 (\(field.label) is \(spec.rangeText)).", kind: .error, source: .form))]
        }
        guard value >= spec.lower, value <= spec.upper else {
            return [.notify(StatusMessage("\(field.label) must be \(spec.rangeText); \(typed) is outside.", kind: .error, source: .form))]
        }
        form.setSlider(field, value, spec, snapping: false)
        return []
    }

    private mutating func eraseTypedDigit() {
        guard var typed = typedValue, !typed.isEmpty else { return }
        typed.removeLast()
        typedValue = typed.isEmpty ? nil : typed
    }

    // MARK: Seed

    private mutating func handleSeed(_ key: Key, form: inout FormState) -> [Reaction] {
        let range = "A seed is a whole number from 1 to \(RequestValidator.maxSeed) (0 means random: unlock instead)."
        switch key {
        case .character(let character) where character.isNumber:
            typedValue = (typedValue ?? "") + String(character)
        case .character(let character) where character == "-" || character == "," || character == ".":
            return [.notify(StatusMessage(range, kind: .error, source: .form))]
        case .backspace:
            eraseTypedDigit()
        case .enter:
            guard let typed = typedValue else { return [] }
            typedValue = nil
            guard let value = Int(typed), (1...RequestValidator.maxSeed).contains(value) else {
                return [.notify(StatusMessage("Seed must be 1 to \(RequestValidator.maxSeed) (0 means random: unlock instead).", kind: .error, source: .form))]
            }
            form.seed = value
            form.seedLocked = true
        case .character(" "):
            form.seedLocked.toggle()
        case .character("r"):
            return [.notify(form.rollSeed())]
        case .left, .right:
            guard form.seed > 0 else { return [] }
            form.seed = min(max(form.seed + (key == .left ? -1 : 1), 1), RequestValidator.maxSeed)
            form.seedLocked = true
        case .escape:
            typedValue = nil
        default:
            break
        }
        return []
    }

    // MARK: Text fields

    private func handleTextField(
        _ field: ParameterField, _ key: Key, _ modifiers: Modifiers, form: inout FormState, killRing: inout KillRing
    ) -> [Reaction] {
        if key == .enter { return [.generate] }
        if key == .tab {
            // Tab completes while there is something to complete; in an empty field it moves on, as elsewhere.
            let text = form.textInput(field).text
            return text.isEmpty ? [.moveFocus(by: 1)] : [.run(.completePath(field, text))]
        }
        var input = form.textInput(field)
        if input.handle(key, modifiers, killRing: &killRing) { form.setText(field, input) }
        return []
    }

    /// A path completion came back: applied if the field still holds what was completed; a path that
    /// already names a file moves the focus on, so Tab never traps it.
    static func apply(_ completion: PathCompletion, field: ParameterField, original: String, to form: inout FormState) -> [Reaction] {
        guard form.textInput(field).text == original else { return [] }
        if completion.isFinished { return [.moveFocus(by: 1)] }
        switch completion.matches.count {
        case 0:
            return [.notify(StatusMessage("No file starts with \(original.isEmpty ? "that" : original).", kind: .warning))]
        case 1:
            form.setText(field, TextInput(completion.completed))
            return []
        default:
            form.setText(field, TextInput(completion.completed))
            let names = completion.matches.prefix(8).joined(separator: "  ")
            return [.notify(StatusMessage(names + (completion.matches.count > 8 ? "  …" : "")))]
        }
    }
}
