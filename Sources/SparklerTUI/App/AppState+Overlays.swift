import SparklerCore

extension AppState {
    /// Keys while an overlay covers the screen: it takes them all until dismissed.
    mutating func handleOverlay(_ current: Overlay, _ key: Key, _ modifiers: Modifiers) -> [Effect] {
        switch current {
        case .help, .messages:
            overlay = nil
            return []
        case .confirmQuit:
            overlay = nil
            if key == .character("y") || key == .enter {
                isQuitting = true
                return [.cancelGeneration, .cancelComparison, .saveForm(form), .quit]
            }
            return []
        case .confirmDelete(let id):
            overlay = nil
            if key == .character("y") || key == .enter {
                return [.delete(id)]
            }
            status = StatusMessage("Nothing deleted.")
            return []
        case .modelGuide(let selected):
            return handleModelGuide(selected, key)
        case .compareMenu(let choice):
            return handleCompareMenu(choice, key)
        case .confirmCompare(let plan, let title):
            overlay = nil
            if key == .character("y") || key == .enter {
                return startComparison(plan, title: title)
            }
            status = StatusMessage("Comparison not started.")
            return []
        case .exportSheet(var path):
            switch key {
            case .escape:
                overlay = nil
            case .enter:
                overlay = nil
                if let grid = compare, !path.text.isEmpty {
                    status = StatusMessage("Exporting the grid to \(path.text)…")
                    return [.exportSheet(grid, path: path.text)]
                }
            default:
                _ = path.handle(key, modifiers)
                overlay = .exportSheet(path)
            }
            return []
        case .exportPath(let id, var path):
            switch key {
            case .escape:
                overlay = nil
                return []
            case .enter:
                overlay = nil
                guard !path.text.isEmpty else { return [] }
                status = StatusMessage("Exporting \(id) to \(path.text)…")
                return [.export(id, path: path.text)]
            default:
                _ = path.handle(key, modifiers)
                overlay = .exportPath(id, path)
                return []
            }
        }
    }

    /// ↑ ↓ choose an example prompt, Enter puts it in the prompt (to change or send), any other key closes.
    private mutating func handleModelGuide(_ selected: Int, _ key: Key) -> [Effect] {
        let examples = modelGuide?.examples ?? []
        switch key {
        case .up, .character("k"):
            overlay = .modelGuide(selected: max(selected - 1, 0))
        case .down, .character("j"):
            overlay = .modelGuide(selected: min(selected + 1, max(examples.count - 1, 0)))
        case .enter where examples.indices.contains(selected):
            overlay = nil
            form.prompt.replace(with: examples[selected])
            focus = .prompt
            status = StatusMessage("An example in the prompt: change it, or press Enter to make it.")
        default:
            overlay = nil
        }
        return []
    }
}
