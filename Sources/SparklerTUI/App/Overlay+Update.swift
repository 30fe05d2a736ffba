import SparklerCore

/// The overlays' update: an overlay takes every key until it closes. `offered` are the compare menu's
/// choices for the form's model, `guide` what the form's model understands (F3), `killRing` the one all
/// text fields share (the path dialogs edit with it).
extension Overlay {
    /// The overlay left open (nil: closed) and what the key asks of the rest of the playground.
    public func handle(
        _ key: Key, _ modifiers: Modifiers, offered: [CompareChoice], guide: ModelGuide?, killRing: inout KillRing
    ) -> (Overlay?, [Reaction]) {
        let yes = key == .character("y") || key == .enter
        switch self {
        case .help, .messages:
            return (nil, [])
        case .confirmQuit:
            return (nil, yes ? [.quit] : [])
        case .confirmDelete(let id):
            return (nil, yes ? [.run(.delete(id))] : [.notify(StatusMessage("Nothing deleted.", source: .history))])
        case .confirmCompare(let plan, let title):
            return (nil, yes ? [.startComparison(plan, title: title)] : [.notify(StatusMessage("Comparison not started.", source: .comparison))])
        case .compareMenu(let choice):
            let index = offered.firstIndex(of: choice) ?? 0
            switch key {
            case .left, .up, .character("h"), .character("k"):
                return (.compareMenu(offered[(index + offered.count - 1) % offered.count]), [])
            case .right, .down, .character("l"), .character("j"), .tab:
                return (.compareMenu(offered[(index + 1) % offered.count]), [])
            case .enter:
                return (nil, [.planComparison(choice)])
            case .escape:
                return (nil, [])
            default:
                return (self, [])
            }
        case .modelGuide(let selected, let firstWord):
            // ↑ ↓ choose an example prompt, Enter puts it in the prompt (to change or send), PgUp PgDn page
            // through the word list, any other key closes.
            let examples = guide?.examples ?? []
            let lastWord = max((guide?.words.count ?? 0) - 1, 0)
            switch key {
            case .up, .character("k"):
                return (.modelGuide(selected: max(selected - 1, 0), firstWord: firstWord), [])
            case .down, .character("j"):
                return (.modelGuide(selected: min(selected + 1, max(examples.count - 1, 0)), firstWord: firstWord), [])
            case .pageDown:
                return (.modelGuide(selected: selected, firstWord: min(firstWord + Self.guideWordPage, lastWord)), [])
            case .pageUp:
                return (.modelGuide(selected: selected, firstWord: max(firstWord - Self.guideWordPage, 0)), [])
            case .enter where examples.indices.contains(selected):
                return (nil, [.loadExample(examples[selected]),
                              .notify(StatusMessage("An example in the prompt: change it, or press Enter to make it."))])
            default:
                return (nil, [])
            }
        case .exportSheet(var path):
            switch key {
            case .escape:
                return (nil, [])
            case .enter:
                guard !path.text.isEmpty else { return (nil, []) }
                return (nil, [.notify(StatusMessage("Exporting the grid to \(path.text)…", source: .comparison)), .exportGrid(path: path.text)])
            default:
                _ = path.handle(key, modifiers, killRing: &killRing)
                return (.exportSheet(path), [])
            }
        case .exportPath(let id, var path):
            switch key {
            case .escape:
                return (nil, [])
            case .enter:
                guard !path.text.isEmpty else { return (nil, []) }
                return (nil, [.notify(StatusMessage("Exporting \(id) to \(path.text)…", source: .history)), .run(.export(id, path: path.text))])
            default:
                _ = path.handle(key, modifiers, killRing: &killRing)
                return (.exportPath(id, path), [])
            }
        }
    }

    /// Words a PgDn in the model guide moves on: about the two lines its list gets at 80×24.
    static let guideWordPage = 20
}
