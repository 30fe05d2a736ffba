import SparklerCore

/// The form as it was before each change to its parameters (a slider moved, a choice stepped, an entry
/// loaded), so that Ctrl-Z or Ctrl-_ on a parameter row takes the last one back, as in a text field. Typing in
/// the prompts is undone by the text fields themselves.
public struct FormUndo: Sendable, Equatable {
    private var earlier: [FormState] = []
    static let depth = 100

    public init() {}

    public var canUndo: Bool { !earlier.isEmpty }

    /// Remembers `before` when `after` differs from it.
    public mutating func record(before: FormState, after: FormState) {
        guard before != after else { return }
        earlier.append(before)
        if earlier.count > Self.depth { earlier.removeFirst(earlier.count - Self.depth) }
    }

    /// Puts the form back as it was before its last change; returns the rows that changed back.
    public mutating func undo(_ form: inout FormState) -> [ParameterField] {
        guard let previous = earlier.popLast() else { return [] }
        let changed = previous.fieldsDiffering(from: form)
        form = previous
        return changed
    }
}

extension FormState {
    /// The rows whose values differ between two forms (the prompts aside).
    func fieldsDiffering(from other: FormState) -> [ParameterField] {
        var fields: [ParameterField] = []
        func check(_ field: ParameterField, _ same: Bool) { if !same { fields.append(field) } }
        check(.model, model == other.model)
        check(.mode, mode == other.mode)
        check(.size, size == other.size && aspectRatio == other.aspectRatio)
        check(.cfg, cfg == other.cfg)
        check(.steps, steps == other.steps)
        check(.sampler, sampler == other.sampler)
        check(.seed, seed == other.seed && seedLocked == other.seedLocked)
        check(.format, format == other.format)
        check(.safety, safetyCheck == other.safetyCheck)
        check(.initImage, initImage.text == other.initImage.text)
        check(.initMode, initMode == other.initMode)
        check(.strength, strength == other.strength)
        check(.scheduleStart, scheduleStart == other.scheduleStart)
        check(.scheduleEnd, scheduleEnd == other.scheduleEnd)
        check(.controlImage, controlImage.text == other.controlImage.text)
        check(.controlNet, controlNet.text == other.controlNet.text)
        check(.conditioningScale, conditioningScale == other.conditioningScale)
        check(.editImage, editImage.text == other.editImage.text)
        for parameter in RequestParameter.options { check(.option(parameter), options[parameter] == other.options[parameter]) }
        return fields
    }
}
