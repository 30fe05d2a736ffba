import Foundation
import SparklerCore

extension AppState {
    /// F6 / Ctrl-O: choose what to compare for the form's prompt.
    mutating func openCompareMenu() -> [Effect] {
        if isComparing {
            focus = .compare
            return []
        }
        overlay = .compareMenu(.seeds4)
        return []
    }

    mutating func handleCompareMenu(_ choice: CompareChoice, _ key: Key) -> [Effect] {
        let all = CompareChoice.offered(for: model)
        let index = all.firstIndex(of: choice) ?? 0
        switch key {
        case .left, .up, .character("h"), .character("k"):
            overlay = .compareMenu(all[(index + all.count - 1) % all.count])
        case .right, .down, .character("l"), .character("j"), .tab:
            overlay = .compareMenu(all[(index + 1) % all.count])
        case .enter:
            overlay = nil
            return planComparison(choice)
        case .escape:
            overlay = nil
        default:
            break
        }
        return []
    }

    /// What a comparison of this kind would make and cost, for the menu to show before it starts.
    public func comparisonEstimate(_ choice: CompareChoice) -> (pictures: Int, steps: Int, cost: Money?)? {
        guard let request = try? RequestValidator.validate(form.request(for: model), for: model),
              let plan = try? choice.plan(from: request, model: model)
        else { return nil }
        return (plan.cells.count, plan.billedSteps, cost(of: plan))
    }

    /// nil offline or when a price is unknown.
    func cost(of plan: ComparisonPlan) -> Money? {
        model.provider == .fireworks ? prices.estimate(plan, model: model) : nil
    }

    private mutating func planComparison(_ choice: CompareChoice) -> [Effect] {
        if case .unavailable(let reason) = backend {
            status = StatusMessage(reason, kind: .error)
            return []
        }
        let model = self.model
        let plan: ComparisonPlan
        do {
            plan = try choice.plan(from: try RequestValidator.validate(form.request(for: model), for: model), model: model)
        } catch {
            status = StatusMessage(error.description.prefix(1).uppercased() + error.description.dropFirst(), kind: .error, source: .form)
            return []
        }
        if form.mode != .textToImage {
            status = StatusMessage("Comparisons run text to image; switch the mode back to compare.", kind: .warning)
            return []
        }
        if plan.billedSteps > compareConfirmSteps {
            overlay = .confirmCompare(plan, title: choice.title)
            return []
        }
        return startComparison(plan, title: choice.title)
    }

    mutating func startComparison(_ plan: ComparisonPlan, title: String) -> [Effect] {
        let groupID = HistoryEntry.newGroupID()
        compare = CompareState(plan: plan, title: "\(title): \(form.prompt.text)", groupID: groupID)
        focus = .compare
        status = StatusMessage("Comparing \(plan.cells.count) pictures · \(plan.billedSteps) steps.")
        return [.runComparison(plan, model: model, groupID: groupID), saveForm()]
    }

    mutating func receiveComparison(_ event: ComparisonEvent) -> [Effect] {
        guard var grid = compare, grid.isRunning else { return [] }
        switch event {
        case .started(let cell):
            grid.cells[cell].status = .running
        case .finished(let cell, let entry):
            grid.cells[cell].status = entry.outcome == .success ? .done(entry)
                : .failed(entry.outcome == .filtered ? "filtered by the safety check" : entry.errorMessage ?? "failed")
            sessionSteps += entry.stepsBilled ?? 0
            sessionSpend = sessionSpend + Money(micros: entry.costMicros ?? 0)
        case .failed(let cell, let message):
            grid.cells[cell].status = .failed(DisplayText.clean(message))
        case .cancelled(let cell):
            grid.cells[cell].status = .cancelled
        }
        let settled = grid.cells.allSatisfy {
            switch $0.status {
            case .waiting, .running: false
            default: true
            }
        }
        compare = grid
        guard settled else { return [] }
        compare?.isRunning = false
        let failed = grid.failedCount
        status = StatusMessage(
            "Compared: \(grid.finishedCount) of \(grid.cells.count) made" + (failed > 0 ? ", \(failed) failed" : "")
                + ". Arrows choose, Enter takes one into the form, x exports the grid.",
            kind: failed > 0 ? .warning : .success
        )
        history.followsNewest = true
        return reloadHistory()
    }

    mutating func handleCompareKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        guard var grid = compare else { return [] }
        switch key {
        case .left, .character("h"): grid.move(dx: -1, dy: 0)
        case .right, .character("l"): grid.move(dx: 1, dy: 0)
        case .up, .character("k"): grid.move(dx: 0, dy: -1)
        case .down, .character("j"): grid.move(dx: 0, dy: 1)
        case .escape:
            if grid.isRunning { return [.cancelComparison] }
            compare = nil
            focus = .prompt
            return []
        case .enter:
            return takeSelectedCell()
        case .character("f"):
            // A toggle: the cell keeps the mark it was given, so the next f takes it off.
            if case .done(var entry)? = grid.selectedCell?.status, let id = entry.id {
                entry.isFavourite.toggle()
                compare?.cells[grid.selected].status = .done(entry)
                return [.setFavourite(id, entry.isFavourite)]
            }
            return []
        case .character("x"):
            guard grid.finishedCount > 0 else {
                status = StatusMessage("No picture in the grid yet to export.", kind: .warning)
                return []
            }
            overlay = .exportSheet(TextInput("sparkler-compare-\(grid.groupID?.prefix(8) ?? "grid").png"))
            return []
        default:
            return []
        }
        compare = grid
        return []
    }

    /// Enter on a cell: its picture in the main view and its parameters, seed included, in the form.
    private mutating func takeSelectedCell() -> [Effect] {
        guard let grid = compare, let cell = grid.selectedCell else { return [] }
        guard case .done(let entry) = cell.status else {
            status = StatusMessage("That cell has no picture.", kind: .warning)
            return []
        }
        picture = entry
        if !grid.isRunning {
            compare = nil
            focus = .prompt
        }
        guard var request = cell.request else {
            return entry.id.map { [.loadRequest($0, run: false)] } ?? []
        }
        if let seed = entry.seed { request.seed = seed }
        form.load(request, model: catalogue.model(named: request.model) ?? model)
        status = StatusMessage("Took \(cell.label) into the form: refine from here.")
        return []
    }

    /// `c` in the history: the marked entries side by side, whatever their prompts.
    mutating func compareMarked() -> [Effect] {
        let marked = history.entries.filter { $0.id.map(history.marked.contains) ?? false }
        guard (2...9).contains(marked.count) else {
            status = StatusMessage("Mark 2 to 9 entries with Space to compare them (\(marked.count) marked).", kind: .warning)
            return []
        }
        compare = CompareState(entries: marked, title: "\(marked.count) marked entries", groupID: nil)
        focus = .compare
        return []
    }

    mutating func showGroup(_ entries: [HistoryEntry]) {
        guard entries.count > 1 else {
            status = StatusMessage("That entry was made on its own: there is no grid to reopen.")
            return
        }
        compare = CompareState(entries: entries, title: "Group of \(entries.count): \(entries[0].prompt)", groupID: entries[0].groupID)
        focus = .compare
    }
}
