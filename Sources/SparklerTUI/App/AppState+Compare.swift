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

    mutating func planComparison(_ choice: CompareChoice) -> [Effect] {
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
        let varying = GroupArrangement(plan.cells.map { ($0.request, $0.request.seed) }).varying
        let shared = plan.cells.first.map { GroupArrangement.shared($0.request, seed: $0.request.seed, varying: varying) } ?? ""
        openGrid(CompareState(plan: plan, title: "\(title): \(form.prompt.text) · \(shared)", groupID: groupID))
        status = StatusMessage("Comparing \(plan.cells.count) pictures · \(plan.billedSteps) steps.")
        return [.runComparison(plan, model: model, groupID: groupID), saveForm()]
    }

    mutating func receiveComparison(_ event: ComparisonEvent) -> [Effect] {
        guard var grid = compare else { return [] }
        let reactions = grid.receive(event)
        compare = grid
        return apply(reactions)
    }

    mutating func handleCompareKey(_ key: Key, _ modifiers: Modifiers) -> [Effect] {
        guard var grid = compare else { return [] }
        let reactions = grid.handle(key, modifiers)
        compare = grid
        return apply(reactions)
    }

    mutating func showGroup(_ entries: [HistoryEntry]) {
        guard entries.count > 1 else {
            status = StatusMessage("That entry was made on its own: there is no grid to reopen.")
            return
        }
        let varying = GroupArrangement(entries.map { ($0.request, $0.seed) }).varying
        let shared = GroupArrangement.shared(entries[0].request, seed: entries[0].seed, varying: varying)
        openGrid(CompareState(entries: entries, title: "Group of \(entries.count): \(entries[0].prompt) · \(shared)", groupID: entries[0].groupID))
    }
}
