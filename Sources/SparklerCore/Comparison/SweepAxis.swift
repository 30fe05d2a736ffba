/// A parameter that a comparison varies, with the values it takes along a row or a column.
public struct SweepAxis: Sendable, Equatable {
    public enum Parameter: String, Sendable, CaseIterable {
        case seed, cfg, steps, sampler

        var requestParameter: RequestParameter {
            switch self {
            case .seed: .seed
            case .cfg: .guidance
            case .steps: .steps
            case .sampler: .sampler
            }
        }
    }

    public var parameter: Parameter
    /// The values as users write them: `1234`, `7`, `7.5`, `K_EULER`.
    public var values: [String]

    public init(parameter: Parameter, values: [String]) {
        self.parameter = parameter
        self.values = values
    }

    /// Parses `cfg=4,7,10` (the CLI's `--vary`).
    public init(parsing text: String) throws(ParameterError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let names = Parameter.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let parameter = Parameter(rawValue: parts[0].lowercased()) else {
            throw ParameterError(field: "vary", value: text, allowed: "NAME=V1,V2,... with NAME one of \(names), e.g. cfg=4,7,10")
        }
        let values = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !values.isEmpty else {
            throw ParameterError(field: "vary", value: text, allowed: "at least one value after \(parameter.rawValue)=")
        }
        self.init(parameter: parameter, values: values)
    }

    /// `request` with this axis's `index`-th value applied.
    func apply(_ index: Int, to request: inout GenerationRequest) throws(ParameterError) {
        let value = values[index]
        switch parameter {
        case .seed:
            guard let seed = Int(value) else { throw invalid(value, "a whole number") }
            request.seed = seed
        case .cfg:
            guard let cfg = Double(value) else { throw invalid(value, "a number") }
            request.cfgScale = cfg
        case .steps:
            guard let steps = Int(value) else { throw invalid(value, "a whole number") }
            request.steps = steps
        case .sampler:
            guard let sampler = Sampler(userValue: value) else {
                throw invalid(value, "one of " + Sampler.allCases.map(\.rawValue).joined(separator: ", "))
            }
            request.sampler = sampler
        }
    }

    /// What a cell's label says for this axis: `seed 1234`, `CFG 7`, `30 steps`, `K_EULER`.
    func label(_ index: Int) -> String {
        let value = values[index]
        switch parameter {
        case .seed: return "seed \(value)"
        case .cfg: return "CFG \(value)"
        case .steps: return "\(value) steps"
        case .sampler: return Sampler(userValue: value)?.rawValue ?? value
        }
    }

    private func invalid(_ value: String, _ allowed: String) -> ParameterError {
        var error = ParameterError(field: parameter.rawValue, value: value, allowed: allowed)
        error.parameter = parameter.requestParameter
        return error
    }
}
