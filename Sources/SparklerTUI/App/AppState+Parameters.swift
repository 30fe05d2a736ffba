import Foundation
import SparklerCore

extension AppState {
    mutating func handleParameterKey(_ field: ParameterField, _ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch (key, modifiers) {
        case (.up, []):
            moveFocus(by: -1)
            return []
        case (.down, []):
            moveFocus(by: 1)
            return []
        case (.enter, _) where typedValue == nil:
            // Enter generates from any row, as from the prompt; a value being typed is committed first.
            return startGeneration()
        default:
            break
        }
        switch field.kind(for: model, mode: form.mode) {
        case .slider(let spec):
            handleSlider(field, spec, key, modifiers)
        case .choice:
            handleChoice(field, key, modifiers)
        case .toggle:
            if [.character(" "), .left, .right].contains(key) {
                setToggle(field, !toggleValue(field))
            }
        case .seed:
            handleSeed(key, modifiers)
        case .text:
            return handleTextField(field, key, modifiers)
        }
        return []
    }

    // MARK: Toggles

    func toggleValue(_ field: ParameterField) -> Bool {
        switch field {
        case .safety: return form.safetyCheck
        case .option(let parameter):
            guard case .flag(let value) = form.options[parameter] ?? parameter.defaultValue(for: model) else { return false }
            return value
        default: return false
        }
    }

    private mutating func setToggle(_ field: ParameterField, _ value: Bool) {
        switch field {
        case .safety: form.safetyCheck = value
        case .option(let parameter): form.options[parameter] = .flag(value)
        default: return
        }
    }

    // MARK: Sliders

    private mutating func handleSlider(_ field: ParameterField, _ spec: SliderSpec, _ key: Key, _ modifiers: Modifiers) {
        let value = sliderValue(field)
        switch (key, modifiers) {
        case (.left, []), (.character("h"), []): setSlider(field, value - spec.step, spec)
        case (.right, []), (.character("l"), []): setSlider(field, value + spec.step, spec)
        case (.left, [.shift]), (.pageDown, _), (.character("H"), _): setSlider(field, value - 10 * spec.step, spec)
        case (.right, [.shift]), (.pageUp, _), (.character("L"), _): setSlider(field, value + 10 * spec.step, spec)
        case (.home, _): setSlider(field, spec.lower, spec)
        case (.end, _): setSlider(field, spec.upper, spec)
        case (.character(let character), []) where character.isNumber || character == ".":
            typedValue = (typedValue ?? "") + String(character)
        case (.character(let character), _) where character == "-" || character == "," || character == "+" || character == "e":
            // Said, never dropped: "3,5" must not become 35, nor "-3" become 3.
            // Kept in what is shown as typed, so that Enter refuses it rather than taking what is left.
            typedValue = (typedValue ?? "") + String(character)
            let why = character == "-" ? "\(field.label) is never negative" : "type the number with a point, e.g. 3.5"
            status = StatusMessage("\(why): \(field.label) is \(spec.rangeText).", kind: .error, source: .form)
        case (.backspace, _):
            if var typed = typedValue, !typed.isEmpty {
                typed.removeLast()
                typedValue = typed.isEmpty ? nil : typed
            }
        case (.enter, _):
            commitTypedSlider(field, spec)
        case (.escape, _):
            typedValue = nil
        default:
            break
        }
    }

    private mutating func commitTypedSlider(_ field: ParameterField, _ spec: SliderSpec) {
        guard let typed = typedValue else { return }
        typedValue = nil
        guard let value = Double(typed) else {
            status = StatusMessage("\(typed) is not a number: type one like 3.5 (\(field.label) is \(spec.rangeText)).", kind: .error, source: .form)
            return
        }
        guard value >= spec.lower, value <= spec.upper else {
            status = StatusMessage("\(field.label) must be \(spec.rangeText); \(typed) is outside.", kind: .error, source: .form)
            return
        }
        setSlider(field, value, spec, snapping: false)
    }

    func sliderValue(_ field: ParameterField) -> Double {
        switch field {
        case .cfg: form.cfg ?? model.guidance.defaultValue
        case .steps: Double(form.steps ?? model.steps.defaultValue)
        case .strength: form.strength
        case .scheduleStart: form.scheduleStart
        case .scheduleEnd: form.scheduleEnd
        case .conditioningScale: form.conditioningScale
        case .option(let parameter): (form.options[parameter] ?? parameter.defaultValue(for: model))?.number ?? 0
        default: 0
        }
    }

    mutating func setSlider(_ field: ParameterField, _ raw: Double, _ spec: SliderSpec, snapping: Bool = true) {
        let value = snapping ? spec.snap(raw) : spec.clamp(raw)
        switch field {
        case .cfg: form.cfg = value
        case .steps: form.steps = Int(value.rounded())
        case .strength: form.strength = value
        case .scheduleStart: form.scheduleStart = value
        case .scheduleEnd: form.scheduleEnd = value
        case .conditioningScale: form.conditioningScale = value
        case .option(let parameter): form.options[parameter] = .integer(Int(value.rounded()))
        default: return
        }
    }

    // MARK: Choices

    private mutating func handleChoice(_ field: ParameterField, _ key: Key, _ modifiers: Modifiers) {
        let step: Int
        switch key {
        case .left, .character("h"): step = -1
        case .right, .character("l"), .character(" "): step = 1
        default: return
        }
        cycle(field, by: step)
    }

    mutating func cycle(_ field: ParameterField, by step: Int) {
        func next<T: Equatable>(_ options: [T], after current: T?) -> T? {
            guard !options.isEmpty else { return current }
            let index = current.flatMap { options.firstIndex(of: $0) } ?? (step > 0 ? -1 : 0)
            return options[(index + step + options.count) % options.count]
        }
        switch field {
        case .model:
            let ids = catalogue.models.map(\.id.path)
            if let id = next(ids, after: model.id.path), let chosen = catalogue.model(named: id) {
                // Defaults differ a lot between models (4 steps for FLUX schnell, 30 for SDXL): start from the new one's.
                form.cfg = nil
                form.steps = nil
                form.adapt(to: chosen)
            }
        case .mode:
            form.mode = next(model.modes, after: form.mode) ?? .textToImage
        case .size:
            if model.takesAspectRatio {
                form.aspectRatio = next(model.aspectRatios, after: form.aspectRatio)
            } else {
                form.size = next(model.sizes, after: form.size)
            }
        case .sampler:
            // nil (the model's default) comes first, then every sampler.
            let options: [Sampler?] = [nil] + model.samplers.map(Optional.some)
            form.sampler = next(options, after: form.sampler) ?? nil
        case .format:
            form.format = next(ImageFormat.allCases, after: form.format) ?? .jpeg
        case .initMode:
            form.initMode = next(FormState.InitMode.allCases, after: form.initMode) ?? .strength
        default:
            return
        }
    }

    // MARK: Seed

    private mutating func handleSeed(_ key: Key, _ modifiers: Modifiers) {
        switch key {
        case .character(let character) where character.isNumber:
            typedValue = (typedValue ?? "") + String(character)
        case .character(let character) where character == "-" || character == "," || character == ".":
            status = StatusMessage("A seed is a whole number from 1 to \(RequestValidator.maxSeed) (0 means random: unlock instead).", kind: .error, source: .form)
        case .backspace:
            if var typed = typedValue, !typed.isEmpty {
                typed.removeLast()
                typedValue = typed.isEmpty ? nil : typed
            }
        case .enter:
            guard let typed = typedValue else { return }
            typedValue = nil
            guard let value = Int(typed), (1...RequestValidator.maxSeed).contains(value) else {
                status = StatusMessage("Seed must be 1 to \(RequestValidator.maxSeed) (0 means random: unlock instead).", kind: .error, source: .form)
                return
            }
            form.seed = value
            form.seedLocked = true
        case .character(" "):
            form.seedLocked.toggle()
        case .character("r"):
            rollSeed()
        case .left, .right:
            guard form.seed > 0 else { return }
            form.seed = min(max(form.seed + (key == .left ? -1 : 1), 1), RequestValidator.maxSeed)
            form.seedLocked = true
        case .escape:
            typedValue = nil
        default:
            break
        }
    }

    // MARK: Text fields

    private mutating func handleTextField(_ field: ParameterField, _ key: Key, _ modifiers: Modifiers) -> [Effect] {
        if key == .enter { return startGeneration() }
        if key == .tab {
            return [.completePath(field, textInput(field).text)]
        }
        var input = textInput(field)
        if input.handle(key, modifiers) {
            setText(field, input.text, cursorFrom: input)
        }
        return []
    }

    func textInput(_ field: ParameterField) -> TextInput {
        switch field {
        case .initImage: form.initImage
        case .controlImage: form.controlImage
        case .controlNet: form.controlNet
        case .editImage: form.editImage
        default: TextInput()
        }
    }

    /// A path completion came back: apply it if the field still holds what was completed.
    mutating func applyCompletion(_ completion: PathCompletion, field: ParameterField, original: String) {
        guard textInput(field).text == original else { return }
        switch completion.matches.count {
        case 0:
            status = StatusMessage("No file starts with \(original.isEmpty ? "that" : original).", kind: .warning)
        case 1:
            setText(field, completion.completed)
        default:
            setText(field, completion.completed)
            let names = completion.matches.prefix(8).joined(separator: "  ")
            status = StatusMessage(names + (completion.matches.count > 8 ? "  …" : ""))
        }
    }

    private mutating func setText(_ field: ParameterField, _ text: String, cursorFrom input: TextInput? = nil) {
        let value = input ?? TextInput(text)
        // A picture typed over is no longer the history entry's that the edit started from.
        if [.editImage, .initImage].contains(field), value.text != textInput(field).text { form.editsEntry = nil }
        switch field {
        case .initImage: form.initImage = value
        case .controlImage: form.controlImage = value
        case .controlNet: form.controlNet = value
        case .editImage: form.editImage = value
        default: return
        }
    }
}
