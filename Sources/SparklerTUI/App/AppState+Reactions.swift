import SparklerCore

extension AppState {
    /// Carries out what a concern's update asked of the rest of the playground, in order; returns the
    /// effects for the runtime.
    mutating func apply(_ reactions: [Reaction]) -> [Effect] {
        var effects: [Effect] = []
        for reaction in reactions {
            switch reaction {
            case .run(let effect):
                effects.append(effect)
            case .notify(let message):
                status = message
            case .open(let overlay):
                self.overlay = overlay
            case .moveFocus(let offset):
                moveFocus(by: offset)
            case .show(let entry):
                picture = entry
            case .openGrid(let grid):
                openGrid(grid)
            case .closeGrid:
                compare = nil
                focus = .prompt
            case .loadIntoForm(let request):
                form.load(request, model: catalogue.model(named: request.model) ?? model)
            case .generate:
                effects += startGeneration()
            case .reloadHistory(let selectingNewest):
                effects += apply([history.reload(selectingNewest: selectingNewest)])
            case .billed(let entry):
                spend.add(entry)
            case .seedUsed(let seed):
                if !form.seedLocked { form.seed = seed }
            case .loadExample(let prompt):
                form.prompt.replace(with: prompt)
                focus = .prompt
            case .planComparison(let choice):
                effects += planComparison(choice)
            case .startComparison(let plan, let title):
                effects += startComparison(plan, title: title)
            case .exportGrid(let path):
                if let grid = compare { effects.append(.exportSheet(grid, path: path)) }
            case .quit:
                isQuitting = true
                effects += [.cancelGeneration, .cancelComparison, .saveForm(form), .quit]
            }
        }
        return effects
    }

    /// A grid in the image pane, with the keys.
    mutating func openGrid(_ grid: CompareState) {
        compare = grid
        focus = .compare
    }
}
