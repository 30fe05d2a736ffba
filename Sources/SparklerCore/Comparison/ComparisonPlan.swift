/// The pictures of one comparison, laid out in a grid: a row of seeds, or a sweep of one parameter
/// across and optionally another down (an X/Y plot). Every cell's request is validated.
public struct ComparisonPlan: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var request: GenerationRequest
        /// What differs in this cell: `seed 1234`, `CFG 7 · seed 2`.
        public var label: String
    }

    public static let counts = [2, 4, 6, 9]
    public static let maxCells = 36

    public var cells: [Cell]
    public var rows: Int
    public var columns: Int

    /// Steps billed if every cell succeeds: Fireworks charges per image step.
    public var billedSteps: Int { cells.reduce(0) { $0 + $1.request.billedSteps } }

    /// `count` seeds in a grid: `firstSeed` and the ones after it (wrapping to 1 after the largest),
    /// or distinct random seeds when nil.
    public static func seeds(
        _ base: GenerationRequest, count: Int, firstSeed: Int?, model: ModelCapabilities
    ) throws(ParameterError) -> ComparisonPlan {
        guard (2...maxCells).contains(count) else {
            throw ParameterError(field: "count", value: "\(count)", allowed: "2 to \(maxCells)")
        }
        let seeds: [Int]
        if let firstSeed {
            seeds = (0..<count).map { (firstSeed + $0 - 1) % RequestValidator.maxSeed + 1 }
        } else {
            var distinct: [Int] = []
            while distinct.count < count {
                let seed = Int.random(in: 1...RequestValidator.maxSeed)
                if !distinct.contains(seed) { distinct.append(seed) }
            }
            seeds = distinct
        }
        return try sweep(base, across: SweepAxis(parameter: .seed, values: seeds.map(String.init)), down: nil, model: model)
    }

    /// One parameter across and optionally a second down. A single axis wraps into a near-square grid.
    public static func sweep(
        _ base: GenerationRequest, across: SweepAxis, down: SweepAxis?, model: ModelCapabilities
    ) throws(ParameterError) -> ComparisonPlan {
        if let down, down.parameter == across.parameter {
            throw ParameterError(field: "vary", value: down.parameter.rawValue, allowed: "two different parameters")
        }
        let total = across.values.count * (down?.values.count ?? 1)
        guard total <= maxCells else {
            throw ParameterError(field: "cells", value: "\(total)", allowed: "at most \(maxCells) pictures in one comparison")
        }
        var cells: [Cell] = []
        let downCount = down?.values.count ?? 1
        for y in 0..<downCount {
            for x in 0..<across.values.count {
                var request = base
                request.samples = 1
                try across.apply(x, to: &request)
                try down?.apply(y, to: &request)
                let label = [across.label(x), down?.label(y)].compactMap { $0 }.joined(separator: " · ")
                cells.append(Cell(row: y, column: x, request: try RequestValidator.validate(request, for: model), label: label))
            }
        }
        guard down == nil else {
            return ComparisonPlan(cells: cells, rows: downCount, columns: across.values.count)
        }
        let grid = GridShape.fitting(count: cells.count)
        for index in cells.indices {
            cells[index].row = index / grid.columns
            cells[index].column = index % grid.columns
        }
        return ComparisonPlan(cells: cells, rows: grid.rows, columns: grid.columns)
    }
}

/// Rows and columns for a number of pictures: as square as possible, wider than tall.
public struct GridShape: Sendable, Equatable {
    public var rows: Int
    public var columns: Int

    public static func fitting(count: Int) -> GridShape {
        let columns = max(1, Int(Double(count).squareRoot().rounded(.up)))
        return GridShape(rows: (count + columns - 1) / columns, columns: columns)
    }
}
