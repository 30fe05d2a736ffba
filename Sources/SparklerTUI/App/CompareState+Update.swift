import SparklerCore

/// The comparison grid's update: keys on the grid and the events of the comparison that fills it.
extension CompareState {
    public mutating func handle(_ key: Key, _ modifiers: Modifiers) -> [Reaction] {
        switch key {
        case .left, .character("h"): move(dx: -1, dy: 0)
        case .right, .character("l"): move(dx: 1, dy: 0)
        case .up, .character("k"): move(dx: 0, dy: -1)
        case .down, .character("j"): move(dx: 0, dy: 1)
        case .escape:
            return isRunning ? [.run(.cancelComparison)] : [.closeGrid]
        case .enter:
            return takeSelectedCell()
        case .character("f"):
            // A toggle: the cell keeps the mark it was given, so the next f takes it off.
            guard case .done(var entry)? = selectedCell?.status, let id = entry.id else { return [] }
            entry.isFavourite.toggle()
            cells[selected].status = .done(entry)
            return [.run(.setFavourite(id, entry.isFavourite))]
        case .character("x"):
            guard finishedCount > 0 else {
                return [.notify(StatusMessage("No picture in the grid yet to export.", kind: .warning, source: .comparison))]
            }
            return [.open(.exportSheet(TextInput("sparkler-compare-\(groupID?.prefix(8) ?? "grid").png")))]
        default:
            break
        }
        return []
    }

    /// Enter on a cell: its picture in the main view and its parameters, seed included, in the form.
    private func takeSelectedCell() -> [Reaction] {
        guard let cell = selectedCell else { return [] }
        guard case .done(let entry) = cell.status else {
            return [.notify(StatusMessage("That cell has no picture.", kind: .warning, source: .comparison))]
        }
        let closing: [Reaction] = isRunning ? [] : [.closeGrid]
        guard var request = cell.request else {
            return [.show(entry)] + closing + (entry.id.map { [.run(.loadRequest($0, run: false))] } ?? [])
        }
        if let seed = entry.seed { request.seed = seed }
        return [.show(entry)] + closing + [
            .loadIntoForm(request), .notify(StatusMessage("Took \(cell.label) into the form: refine from here.", source: .comparison)),
        ]
    }

    /// A cell started, finished or failed; once every cell has settled, the comparison is over.
    public mutating func receive(_ event: ComparisonEvent) -> [Reaction] {
        guard isRunning else { return [] }
        var reactions: [Reaction] = []
        switch event {
        case .started(let cell):
            cells[cell].status = .running
        case .finished(let cell, let entry):
            cells[cell].status = entry.outcome == .success ? .done(entry)
                : .failed(entry.outcome == .filtered ? "filtered by the safety check" : entry.errorMessage ?? "failed")
            reactions.append(.billed(entry))
        case .failed(let cell, let message):
            cells[cell].status = .failed(DisplayText.clean(message))
        case .cancelled(let cell):
            cells[cell].status = .cancelled
        }
        guard isSettled else { return reactions }
        isRunning = false
        let failed = failedCount
        let summary = StatusMessage(
            "Compared: \(finishedCount) of \(cells.count) made" + (failed > 0 ? ", \(failed) failed" : "")
                + ". Arrows choose, Enter takes one into the form, x exports the grid.",
            kind: failed > 0 ? .warning : .success, source: .comparison
        )
        return reactions + [.notify(summary), .reloadHistory(selectingNewest: true)]
    }

    /// No cell waits or runs.
    var isSettled: Bool {
        cells.allSatisfy {
            switch $0.status {
            case .waiting, .running: false
            default: true
            }
        }
    }
}
