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
}
