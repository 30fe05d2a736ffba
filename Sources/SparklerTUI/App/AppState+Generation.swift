import Foundation
import SparklerCore

extension AppState {
    /// A provider found unable to draw: its models leave the catalogue (the form moves to another model),
    /// or, when it was the only one, nothing can be drawn and `message` says why wherever that shows.
    mutating func dropProvider(_ provider: ModelProvider, because message: String) {
        let others = Set(catalogue.models.map(\.provider)).subtracting([provider])
        let remaining = catalogue.restricted(to: others)
        guard !remaining.models.isEmpty else {
            backend = .unavailable(message)
            status = StatusMessage(message, kind: .error)
            return
        }
        catalogue = remaining
        // As when the playground starts: fitting the form to the catalogue is nothing new to save.
        let wasSaved = !formIsDirty
        form.adapt(to: model)
        if wasSaved { savedForm = form }
        status = StatusMessage(message, kind: .warning)
    }

    /// Runs what the form describes, or `prepared` (a history entry run again, input images included).
    mutating func startGeneration(_ prepared: GenerationRequest? = nil) -> [Effect] {
        if isGenerating {
            status = StatusMessage("Already generating: wait for it, or press Esc to cancel.", kind: .warning)
            return []
        }
        if case .unavailable(let reason) = backend {
            status = StatusMessage(reason, kind: .error)
            return []
        }
        let model = self.model
        let request: GenerationRequest
        do {
            request = try RequestValidator.validate(prepared ?? form.request(for: model), for: model)
        } catch {
            status = StatusMessage(error.description.prefix(1).uppercased() + error.description.dropFirst(), kind: .error, source: .form)
            focus = Self.focus(forInvalid: error.parameter)
            return []
        }
        if prepared == nil, let missing = missingInputImage {
            status = StatusMessage(missing.message, kind: .error, source: .form)
            focus = .parameter(missing.field)
            return []
        }
        parameters.typedValue = nil
        recall.reset()
        recall.remember(request.prompt)
        image.start(request, at: now)
        status = StatusMessage("Generating…", kind: .info)
        let editing = prepared == nil && [.edit, .imageToImage].contains(form.mode) ? form.editsEntry : nil
        return [.generate(request, model: model, editing: editing), saveForm()]
    }

    /// Sets the form to edit `path` (entry `entryID`'s picture) by instruction: a FLUX Kontext model when one
    /// is offered (the model shown if it is one), else image to image on the model shown, as the offline
    /// engine offers. The prompt is left for the instruction.
    mutating func beginEdit(of entryID: Int64, picture path: String) {
        let editor = model.modes.contains(.edit) ? model : catalogue.models.first { $0.modes.contains(.edit) }
        if let editor {
            if editor.id != model.id { form.adapt(to: editor) }
            form.mode = .edit
            form.editImage.replace(with: path)
            status = StatusMessage("Editing #\(entryID) with \(editor.displayName): type what to change (\"make it night\"), then Enter.")
        } else if model.modes.contains(.imageToImage) {
            form.mode = .imageToImage
            form.initImage.replace(with: path)
            status = StatusMessage(
                "Editing #\(entryID) as image to image on \(model.displayName) (FLUX Kontext needs a Fireworks key): describe the result, then Enter.")
        } else {
            status = StatusMessage("\(model.displayName) cannot start from a picture: choose a model that can.", kind: .warning)
            return
        }
        form.editsEntry = entryID
        form.prompt.replace(with: "")
        focus = .prompt
    }

    private var missingInputImage: (field: ParameterField, message: String)? {
        switch form.mode {
        case .imageToImage where form.initImage.text.isEmpty:
            (.initImage, "Image to image needs an init image: type its path (Tab completes).")
        case .controlNet where form.controlImage.text.isEmpty:
            (.controlImage, "ControlNet needs a control image: type its path (Tab completes).")
        case .edit where form.editImage.text.isEmpty:
            (.editImage, "An edit needs the picture to change: type its path (Tab completes), or press F7 on the picture shown.")
        default:
            nil
        }
    }

    /// The prompt, the negative prompt, or the parameter's row; the prompt when no row edits it.
    private static func focus(forInvalid parameter: RequestParameter?) -> Focus {
        switch parameter {
        case .prompt: .prompt
        case .negativePrompt: .negative
        case .aspectRatio: .parameter(.size)
        case .stepSchedule: .parameter(.scheduleStart)
        default: ParameterField.allCases.first { $0.parameter == parameter && parameter != nil }.map(Focus.parameter) ?? .prompt
        }
    }

    /// What the form's request would cost on Fireworks; nil offline, for an invalid form, or an unknown price.
    public var estimatedCost: Money? {
        guard model.provider == .fireworks, let request = try? RequestValidator.validate(form.request(for: model), for: model) else { return nil }
        return prices.estimate(request, model: model)
    }
}
