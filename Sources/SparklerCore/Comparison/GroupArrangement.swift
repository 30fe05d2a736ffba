/// How pictures made together are laid out again when their group is reopened from history: the
/// parameters that differ between them label the cells, and when two differ over every combination (an X/Y
/// plot), the first varies across the columns and the second down the rows, as the plan laid them out.
public struct GroupArrangement: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var label: String
        public var row: Int
        public var column: Int
    }

    /// One per picture, in the order given.
    public var places: [Place]
    public var rows: Int
    public var columns: Int
    /// The parameters that differ, across first.
    public var varying: [SweepAxis.Parameter]

    /// `pictures`: each picture's request and the seed it was made with, oldest first.
    public init(_ pictures: [(request: GenerationRequest, seed: Int?)]) {
        // Across before down: a CFG × seed plot has CFG across.
        let order: [SweepAxis.Parameter] = [.cfg, .steps, .sampler, .seed]
        let values = order.map { parameter in pictures.map { Self.value(of: parameter, in: $0) } }
        varying = order.indices.filter { Set(values[$0]).count > 1 }.map { order[$0] }
        let axes = varying.map { parameter in
            SweepAxis(parameter: parameter, values: values[order.firstIndex(of: parameter)!])
        }
        let labels = pictures.indices.map { index in
            axes.isEmpty ? "#\(index + 1)" : axes.map { $0.label(index) }.joined(separator: " · ")
        }
        if axes.count == 2, let plot = Self.plot(axes, count: pictures.count) {
            places = pictures.indices.map { Place(label: labels[$0], row: plot.rows[$0], column: plot.columns[$0]) }
            rows = plot.rowCount
            columns = plot.columnCount
        } else {
            let shape = GridShape.fitting(count: pictures.count)
            places = pictures.indices.map { Place(label: labels[$0], row: $0 / shape.columns, column: $0 % shape.columns) }
            rows = shape.rows
            columns = shape.columns
        }
    }

    /// What every picture shares, for a grid's title: `30 steps · CFG 3 · 1024x1024 · playground-v2-1024px-aesthetic`
    /// (what varies is in each cell's label instead).
    public static func shared(_ request: GenerationRequest, seed: Int?, varying: [SweepAxis.Parameter]) -> String {
        var parts: [String] = []
        if !varying.contains(.seed), let seed { parts.append("seed \(seed)") }
        if !varying.contains(.steps), let steps = request.steps { parts.append("\(steps) steps") }
        if !varying.contains(.cfg), let cfg = request.cfgScale { parts.append("CFG \(RequestValidator.format(cfg))") }
        if !varying.contains(.sampler), let sampler = request.sampler { parts.append(sampler.rawValue) }
        if let shape = request.shape { parts.append(shape.description) }
        parts.append(String(request.model.split(separator: "/").last ?? ""))
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// Each picture's row and column when every pair of the two axes' values occurs once.
    private static func plot(_ axes: [SweepAxis], count: Int) -> (rows: [Int], columns: [Int], rowCount: Int, columnCount: Int)? {
        let across = ordered(axes[0]), down = ordered(axes[1])
        guard across.count * down.count == count,
              Set(zip(axes[0].values, axes[1].values).map { "\($0)\u{1}\($1)" }).count == count
        else { return nil }
        return (
            axes[1].values.map { down.firstIndex(of: $0)! }, axes[0].values.map { across.firstIndex(of: $0)! },
            down.count, across.count
        )
    }

    /// An axis's distinct values, numbers in numeric order.
    private static func ordered(_ axis: SweepAxis) -> [String] {
        Array(Set(axis.values)).sorted { (Double($0) ?? .infinity, $0) < (Double($1) ?? .infinity, $1) }
    }

    private static func value(of parameter: SweepAxis.Parameter, in picture: (request: GenerationRequest, seed: Int?)) -> String {
        switch parameter {
        case .seed: picture.seed.map(String.init) ?? String(picture.request.seed)
        case .cfg: picture.request.cfgScale.map { RequestValidator.format($0) } ?? "default"
        case .steps: picture.request.steps.map(String.init) ?? "default"
        case .sampler: picture.request.sampler?.rawValue ?? "default"
        }
    }
}
