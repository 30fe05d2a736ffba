import SparklerCore
import SparklerGraphics

/// A comparison in the image pane: a grid of cells, each waiting, running, done or failed.
public struct CompareState: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case waiting
        case running
        case done(HistoryEntry)
        case failed(String)
        case cancelled
    }

    public struct Cell: Sendable, Equatable {
        public var label: String
        public var row: Int
        public var column: Int
        public var status: Status
        /// What made the cell, to load into the form (nil for cells that came from history).
        public var request: GenerationRequest?
    }

    public var title: String
    public var cells: [Cell]
    public var rows: Int
    public var columns: Int
    public var selected = 0
    public var groupID: String?
    public var isRunning: Bool

    /// A comparison about to run: every cell waiting.
    public init(plan: ComparisonPlan, title: String, groupID: String) {
        self.title = title
        cells = plan.cells.map { Cell(label: $0.label, row: $0.row, column: $0.column, status: .waiting, request: $0.request) }
        rows = plan.rows
        columns = plan.columns
        self.groupID = groupID
        isRunning = true
    }

    /// Pictures already made (marked in history, or a group reopened), side by side, oldest first: labelled
    /// by what differs between them, an X/Y plot laid out again as its axes were.
    public init(entries: [HistoryEntry], title: String, groupID: String?) {
        let ordered = entries.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let arrangement = GroupArrangement(ordered.map { ($0.request, $0.seed) })
        self.title = title
        cells = zip(ordered, arrangement.places).map { entry, place in
            let status: Status = entry.outcome == .success ? .done(entry) : .failed(entry.errorMessage ?? entry.outcome.rawValue)
            // Marked entries may share nothing: their ids say which they are.
            let label = groupID == nil ? "#\(entry.id ?? 0) \(place.label)" : place.label
            return Cell(label: label, row: place.row, column: place.column, status: status, request: nil)
        }
        rows = arrangement.rows
        columns = arrangement.columns
        self.groupID = groupID
        isRunning = false
    }

    public var selectedCell: Cell? { cells.indices.contains(selected) ? cells[selected] : nil }

    public var finishedCount: Int {
        cells.filter { if case .done = $0.status { true } else { false } }.count
    }

    public var failedCount: Int {
        cells.filter { if case .failed = $0.status { true } else { false } }.count
    }

    /// Moves the selection in the grid by whole cells, staying inside it.
    public mutating func move(dx: Int, dy: Int) {
        guard let current = selectedCell else { return }
        let target = (row: min(max(current.row + dy, 0), rows - 1), column: min(max(current.column + dx, 0), columns - 1))
        if let index = cells.firstIndex(where: { $0.row == target.row && $0.column == target.column }) {
            selected = index
        }
    }
}

/// The choices of the compare dialog: seeds, or a sweep of one parameter around the form's value.
public enum CompareChoice: Sendable, Equatable, CaseIterable {
    case seeds2, seeds4, seeds6, seeds9, cfgSweep, stepsSweep, samplerSweep, cfgBySeed

    public var title: String {
        switch self {
        case .seeds2: "2 seeds"
        case .seeds4: "4 seeds"
        case .seeds6: "6 seeds"
        case .seeds9: "9 seeds"
        case .cfgSweep: "CFG sweep"
        case .stepsSweep: "steps sweep"
        case .samplerSweep: "sampler sweep"
        case .cfgBySeed: "CFG × seed"
        }
    }

    /// The choices `model` can run: sweeps only over what it takes (FLUX Kontext: seeds alone).
    public static func offered(for model: ModelCapabilities) -> [CompareChoice] {
        allCases.filter { choice in
            switch choice {
            case .seeds2, .seeds4, .seeds6, .seeds9: true
            case .cfgSweep, .cfgBySeed: model.takes(.guidance)
            case .stepsSweep: model.takes(.steps)
            case .samplerSweep: model.samplers.count >= 2
            }
        }
    }

    /// The plan for this choice, starting from the form's request (its seed when locked, else random).
    public func plan(from request: GenerationRequest, model: ModelCapabilities) throws(ParameterError) -> ComparisonPlan {
        let firstSeed = request.seed == 0 ? nil : request.seed
        switch self {
        case .seeds2: return try .seeds(request, count: 2, firstSeed: firstSeed, model: model)
        case .seeds4: return try .seeds(request, count: 4, firstSeed: firstSeed, model: model)
        case .seeds6: return try .seeds(request, count: 6, firstSeed: firstSeed, model: model)
        case .seeds9: return try .seeds(request, count: 9, firstSeed: firstSeed, model: model)
        case .cfgSweep:
            return try .sweep(fixedSeed(request), across: cfgAxis(request, model: model), down: nil, model: model)
        case .stepsSweep:
            let steps = request.steps ?? model.steps.defaultValue
            let values = [steps / 2, steps, steps * 3 / 2].map { min(max($0, model.steps.lowerBound), model.steps.upperBound) }
            return try .sweep(fixedSeed(request), across: SweepAxis(parameter: .steps, values: Array(Set(values)).sorted().map(String.init)), down: nil, model: model)
        case .samplerSweep:
            let samplers = model.samplers.isEmpty ? [] : [Sampler.euler, .eulerAncestral, .dpmpp2M, .ddim].filter(model.samplers.contains)
            guard samplers.count >= 2 else {
                throw ParameterError(field: "sampler", value: model.id.name, allowed: "a model with a sampler choice")
            }
            return try .sweep(fixedSeed(request), across: SweepAxis(parameter: .sampler, values: samplers.map(\.rawValue)), down: nil, model: model)
        case .cfgBySeed:
            let seed = fixedSeed(request).seed
            let seeds = SweepAxis(parameter: .seed, values: [seed, seed + 1, seed + 2].map(String.init))
            return try .sweep(request, across: cfgAxis(request, model: model), down: seeds, model: model)
        }
    }

    /// Three guidance values around the form's, inside the model's range.
    private func cfgAxis(_ request: GenerationRequest, model: ModelCapabilities) -> SweepAxis {
        let cfg = request.cfgScale ?? model.guidance.defaultValue
        let spread = max(1, (cfg / 2).rounded())
        let values = [cfg - spread, cfg, cfg + spread].map { min(max($0, model.guidance.lowerBound), model.guidance.upperBound) }
        return SweepAxis(parameter: .cfg, values: Array(Set(values)).sorted().map { RequestValidator.format($0) })
    }

    /// A sweep compares one parameter, so every cell shares a seed: the form's, or one picked now.
    private func fixedSeed(_ request: GenerationRequest) -> GenerationRequest {
        var fixed = request
        if fixed.seed == 0 { fixed.seed = Int.random(in: 1...RequestValidator.maxSeed) }
        return fixed
    }
}
