import Foundation
import SparklerCore

extension AppState {
    /// What to load when the playground opens.
    public var startupEffects: [Effect] {
        [.loadHistory(history.query(), queryID: history.queryID, append: false), .loadPrompts]
    }

    /// The one place the state changes. No I/O: work to do comes back as effects.
    public mutating func update(_ event: AppEvent) -> [Effect] {
        switch event {
        case .input(let input):
            let formBefore = form
            // The prompts' text fields keep their own undo, and an undo is no change to remember.
            let remembered = focus != .prompt && focus != .negative && !input.isUndo
            let effects = handle(input)
            if form != formBefore {
                notifications.formChanged(idle: Self.idleStatus(for: backend), at: now)
                if remembered { formUndo.record(before: formBefore, after: form) }
            }
            return effects
        case .tick(let date):
            now = date
            return saveFormIfDue()
        case .generationProgress(let progress):
            image.progress(progress)
            return []
        case .generationFinished(let outcome):
            return apply(image.finish(outcome, at: now))
        case .historyLoaded(let queryID, let entries, let append, let total, let rows, let unreadable):
            history.receive(queryID: queryID, entries: entries, append: append, total: total, rows: rows ?? entries.count, visibleRows: historyRows)
            if let first = unreadable.first {
                let more = unreadable.count > 1 ? " (and \(unreadable.count - 1) more)" : ""
                status = StatusMessage("Left out of the list: \(first)\(more)", kind: .warning, source: .history)
            }
            return []
        case .promptsLoaded(let prompts):
            recall.prompts = prompts.map(FormState.bounded)
            return []
        case .requestLoaded(let request, let run):
            let target = catalogue.model(named: request.model) ?? model
            let formBefore = form
            form.load(request, model: target)
            formUndo.record(before: formBefore, after: form)
            if request.prompt.count > RequestValidator.maxPromptCharacters {
                status = StatusMessage(
                    "That prompt has \(request.prompt.count.groupedThousands) characters: the form keeps the first "
                        + "\(RequestValidator.maxPromptCharacters.groupedThousands), the most a request takes.", kind: .warning)
                if run { return [] }
            }
            if run { return startGeneration(request) }
            focus = .prompt
            status = StatusMessage("Loaded into the form: change what you like and press Enter.")
            return []
        case .comparison(let comparisonEvent):
            return receiveComparison(comparisonEvent)
        case .pictureReady:
            // Nothing to change: the loop draws after any event, and that frame shows the picture.
            return []
        case .backendFailed(let provider, let message):
            dropProvider(provider, because: message)
            return []
        case .groupLoaded(let entries):
            showGroup(entries)
            return []
        case .pathCompleted(let field, let original, let completion):
            applyCompletion(completion, field: field, original: original)
            return []
        case .editReady(let entryID, let path):
            beginEdit(of: entryID, picture: path)
            return []
        case .actionFinished(let message, let isError, let reload):
            status = StatusMessage(message, kind: isError ? .error : .success)
            return reload ? reloadHistory() : []
        }
    }

    private mutating func handle(_ input: InputEvent) -> [Effect] {
        switch input {
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            history.select(history.selected, visibleRows: historyRows)
            return []
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .terminalReply:
            return []
        case .key(let key, let modifiers):
            if let overlay { return handleOverlay(overlay, key, modifiers) }
            return handleKey(key, modifiers)
        case .paste(let text):
            return handlePaste(text)
        }
    }

    /// Pasted text goes into the focused text field, line breaks as spaces; a newline in it never
    /// starts a generation, and letters never act as shortcuts.
    private mutating func handlePaste(_ text: String) -> [Effect] {
        guard overlay == nil, focusIsText else {
            status = StatusMessage("Paste into the prompt, the negative prompt or a path field.", kind: .warning)
            return []
        }
        let room = RequestValidator.maxPromptCharacters
        let kept = text.utf8.count > room ? String(text.prefix(room)) : text
        let flattened = kept.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        let effects = flattened.flatMap { handleKey(.character($0), []) }
        if kept.count < text.count {
            status = StatusMessage(
                "Pasted \(text.count.groupedThousands) characters: kept the first \(room.groupedThousands), the most a prompt takes.",
                kind: .warning)
        }
        return effects
    }

    private mutating func handleKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch (key, modifiers) {
        case (.character("c"), [.control]):
            return requestQuit()
        case _ where recall.search != nil && focus == .prompt:
            return handlePromptSearchKey(key, modifiers)
        case (.function(1), _):
            overlay = .help
            return []
        case (.function(5), _), (.character("g"), [.control]):
            return startGeneration()
        case (.function(8), _):
            status = form.rollSeed()
            return []
        case (.function(2), _):
            overlay = .messages
            return []
        case (.function(3), _):
            if modelGuide == nil {
                status = StatusMessage("\(model.displayName) reads any text: there is no vocabulary to show (F3 lists the offline model's).")
            } else {
                overlay = .modelGuide(selected: 0)
            }
            return []
        case (.function(6), _), (.character("o"), [.control]):
            return openCompareMenu()
        case (.function(7), _):
            guard let id = picture?.id else {
                status = StatusMessage("No picture to edit yet: make one, or press i on a history entry.", kind: .warning)
                return []
            }
            return [.prepareEdit(id)]
        case (.escape, []) where isGenerating && focus != .compare:
            return [.cancelGeneration]
        case (.tab, []) where !wantsTab:
            moveFocus(by: 1)
            return []
        case (.backTab, _):
            moveFocus(by: -1)
            return []
        default:
            break
        }
        if !focusIsText {
            switch (key, modifiers) {
            case (.character("q"), []): return requestQuit()
            case (.character("?"), _): overlay = .help; return []
            default: break
            }
        }
        switch focus {
        case .prompt, .negative:
            return handlePromptKey(key, modifiers)
        case .parameter(let field):
            return handleParameterKey(field, key, modifiers)
        case .history:
            return handleHistoryKey(key, modifiers)
        case .compare:
            return handleCompareKey(key, modifiers)
        }
    }

    /// True while keys are typed into text (the prompts, a path, a history search).
    var focusIsText: Bool {
        switch focus {
        case .prompt, .negative: true
        case .parameter(let field): field.isText
        case .history: history.isSearching
        case .compare: false
        }
    }

    /// Path fields use Tab to complete file names.
    private var wantsTab: Bool {
        if case .parameter(let field) = focus { return field == .initImage || field == .controlImage }
        return false
    }

    /// Tab order: prompt, negative, each parameter, history.
    var focusOrder: [Focus] {
        [.prompt, .negative] + fields.map(Focus.parameter) + (compare == nil ? [] : [.compare]) + [.history]
    }

    mutating func moveFocus(by offset: Int) {
        let order = focusOrder
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + offset + order.count) % order.count]
        parameters.typedValue = nil
        recall.reset()
    }

    private mutating func handlePromptKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch (key, modifiers) {
        case (.enter, _):
            return startGeneration()
        case (.character("r"), [.control]) where focus == .prompt:
            recall.reset()
            _ = recall.searchOlder(from: form.prompt.text)
            return []
        case (.up, []) where focus == .prompt:
            if let text = recall.step(1, from: form.prompt.text) { form.prompt.replace(with: text) }
            return []
        case (.down, []) where focus == .prompt:
            // Past the newest there is only the draft: the focus stays (Tab moves between fields).
            if let text = recall.step(-1, from: form.prompt.text) { form.prompt.replace(with: text) }
            return []
        case (.down, []):
            moveFocus(by: 1)
            return []
        case (.up, []):
            moveFocus(by: -1)
            return []
        default:
            _ = focus == .prompt
                ? form.prompt.handle(key, modifiers, killRing: &killRing) : form.negative.handle(key, modifiers, killRing: &killRing)
            return []
        }
    }

    /// Keys during Ctrl-R's search: typing narrows it, Ctrl-R finds an older match, Enter keeps the prompt
    /// found (without generating: a request may cost money), Esc or Ctrl-G gives the draft back, and any
    /// other key keeps the prompt found and then does what it does.
    private mutating func handlePromptSearchKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch (key, modifiers) {
        case (.character("r"), [.control]):
            if let older = recall.searchOlder(from: form.prompt.text) { form.prompt.replace(with: older) }
            return []
        case (.enter, _):
            recall.acceptSearch()
            return []
        case (.escape, _), (.character("g"), [.control]):
            if let draft = recall.cancelSearch() { form.prompt.replace(with: draft) }
            return []
        case (.character, []), (.character, [.shift]), (.backspace, _):
            var query = recall.search?.query ?? TextInput()
            _ = query.handle(key, modifiers, killRing: &killRing)
            if let found = recall.searchQueryChanged(query) { form.prompt.replace(with: found) }
            return []
        default:
            recall.acceptSearch()
            return handleKey(key, modifiers)
        }
    }

    private mutating func requestQuit() -> [Effect] {
        if isBusy {
            overlay = .confirmQuit
            return []
        }
        isQuitting = true
        return [.saveForm(form), .quit]
    }

    private mutating func saveFormIfDue() -> [Effect] {
        guard formIsDirty, now.timeIntervalSince(lastFormSave) >= 1 else { return [] }
        return [saveForm()]
    }

    /// The effect that saves the form, noting what the file will hold.
    mutating func saveForm() -> Effect {
        savedForm = form
        lastFormSave = now
        return .saveForm(form)
    }
}
