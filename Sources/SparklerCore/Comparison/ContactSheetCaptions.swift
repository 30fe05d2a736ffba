/// The words on a contact sheet, so that a sheet seen alone says how it was made: a header with the prompt
/// and the parameters every cell shares (model, size, steps, CFG, sampler, seed), and under each cell its
/// label with whatever else differs from cell to cell.
struct ContactSheetCaptions: Equatable {
    /// The prompt, when every cell has the same one.
    var prompt: String?
    /// Shared parameters, in the order `Parameter` lists them: `sparkler-tiny`, `512x512`, `20 steps`.
    var shared: [String]
    /// Each cell's label, then the parameters that differ and the label does not already say.
    var cellLabels: [String]

    enum Parameter: CaseIterable {
        case model, size, steps, cfg, sampler, seed

        /// How a value reads on the sheet: the words a comparison's labels use (`CFG 7.5`, `30 steps`).
        func text(in request: GenerationRequest) -> String? {
            switch self {
            case .model: ModelID(parsing: request.model)?.name ?? request.model
            case .size: request.shape?.description
            case .steps: request.steps.map { "\($0) steps" }
            case .cfg: request.cfgScale.map { "CFG " + ($0.rounded() == $0 ? String(Int($0)) : String($0)) }
            case .sampler: request.sampler?.rawValue
            case .seed: "seed \(request.seed)"
            }
        }
    }

    init(cells: [ContactSheet.Cell]) {
        let requests = cells.map(\.request)
        let prompts = Set(requests.map(\.prompt))
        prompt = prompts.count == 1 ? prompts.first : nil
        let sharedParameters = Parameter.allCases.filter { parameter in
            Set(requests.map { parameter.text(in: $0) }).count == 1
        }
        shared = sharedParameters.compactMap { parameter in requests.first.flatMap { parameter.text(in: $0) } }
        let differing = Parameter.allCases.filter { !sharedParameters.contains($0) }
        cellLabels = zip(cells, requests).map { cell, request in
            let unsaid = differing.compactMap { $0.text(in: request) }.filter { !cell.label.contains($0) }
            return ([cell.label] + unsaid).filter { !$0.isEmpty }.joined(separator: " · ")
        }
    }

    /// The header's lines for a sheet `characters` wide: the prompt cut to one line, then the shared
    /// parameters, wrapped between parameters.
    func headerLines(characters: Int) -> [String] {
        var lines = prompt.map { [ContactSheetLayout.cut($0, to: characters)] } ?? []
        var line = ""
        for parameter in shared {
            let joined = line.isEmpty ? parameter : line + " · " + parameter
            if joined.unicodeScalars.count <= characters || line.isEmpty {
                line = joined
            } else {
                lines.append(ContactSheetLayout.cut(line, to: characters))
                line = parameter
            }
        }
        if !line.isEmpty { lines.append(ContactSheetLayout.cut(line, to: characters)) }
        return lines
    }
}

extension ContactSheet.Cell {
    /// What the cell asked for, made or not.
    var request: GenerationRequest {
        switch content {
        case .entry(let entry): entry.request
        case .failed(let request, _), .cancelled(let request): request
        }
    }
}
