import SparklerCore

/// Reading and setting the form's values by parameter row, for the parameter editor, the mouse and the view.
extension FormState {
    func toggleValue(_ field: ParameterField, model: ModelCapabilities) -> Bool {
        switch field {
        case .safety: return safetyCheck
        case .option(let parameter):
            guard case .flag(let value) = options[parameter] ?? parameter.defaultValue(for: model) else { return false }
            return value
        default: return false
        }
    }

    mutating func setToggle(_ field: ParameterField, _ value: Bool) {
        switch field {
        case .safety: safetyCheck = value
        case .option(let parameter): options[parameter] = .flag(value)
        default: return
        }
    }

    func sliderValue(_ field: ParameterField, model: ModelCapabilities) -> Double {
        switch field {
        case .cfg: cfg ?? model.guidance.defaultValue
        case .steps: Double(steps ?? model.steps.defaultValue)
        case .strength: strength
        case .scheduleStart: scheduleStart
        case .scheduleEnd: scheduleEnd
        case .conditioningScale: conditioningScale
        case .option(let parameter): (options[parameter] ?? parameter.defaultValue(for: model))?.number ?? 0
        default: 0
        }
    }

    mutating func setSlider(_ field: ParameterField, _ raw: Double, _ spec: SliderSpec, snapping: Bool = true) {
        let value = snapping ? spec.snap(raw) : spec.clamp(raw)
        switch field {
        case .cfg: cfg = value
        case .steps: steps = Int(value.rounded())
        case .strength: strength = value
        case .scheduleStart: scheduleStart = value
        case .scheduleEnd: scheduleEnd = value
        case .conditioningScale: conditioningScale = value
        case .option(let parameter): options[parameter] = .integer(Int(value.rounded()))
        default: return
        }
    }

    /// Steps a choice row through what `model` offers (the model row through the catalogue).
    mutating func cycle(_ field: ParameterField, by step: Int, model: ModelCapabilities, catalogue: ModelCatalogue) {
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
                cfg = nil
                steps = nil
                adapt(to: chosen)
            }
        case .mode:
            mode = next(model.modes, after: mode) ?? .textToImage
        case .size:
            if model.takesAspectRatio {
                aspectRatio = next(model.aspectRatios, after: aspectRatio)
            } else {
                size = next(model.sizes, after: size)
            }
        case .sampler:
            // nil (the model's default) comes first, then every sampler.
            let options: [Sampler?] = [nil] + model.samplers.map(Optional.some)
            sampler = next(options, after: sampler) ?? nil
        case .format:
            format = next(ImageFormat.allCases, after: format) ?? .jpeg
        case .initMode:
            initMode = next(InitMode.allCases, after: initMode) ?? .strength
        default:
            return
        }
    }

    func textInput(_ field: ParameterField) -> TextInput {
        switch field {
        case .initImage: initImage
        case .controlImage: controlImage
        case .controlNet: controlNet
        case .editImage: editImage
        default: TextInput()
        }
    }

    mutating func setText(_ field: ParameterField, _ value: TextInput) {
        // A picture typed over is no longer the history entry's that the edit started from.
        if [.editImage, .initImage].contains(field), value.text != textInput(field).text { editsEntry = nil }
        switch field {
        case .initImage: initImage = value
        case .controlImage: controlImage = value
        case .controlNet: controlNet = value
        case .editImage: editImage = value
        default: return
        }
    }

    /// A random seed, locked for the next runs; the message says which.
    mutating func rollSeed() -> StatusMessage {
        seed = Int.random(in: 1...RequestValidator.maxSeed)
        seedLocked = true
        return StatusMessage("New seed \(seed), locked for the next runs.")
    }
}
