import SparklerCore

/// One comparison cell in `compare --json`: its label and place in the grid, then the fields of
/// `generate --json` for its history entry, or the error when it has none.
struct CellJSON: Encodable {
    var label: String
    var row: Int
    var column: Int
    var entry: EntryJSON?
    var error: String?

    init(label: String, row: Int, column: Int, ending: ComparisonEvent?, history: HistoryStore) {
        self.label = label
        self.row = row
        self.column = column
        switch ending {
        case .finished(_, let entry):
            self.entry = EntryJSON(entry, path: history.imageURL(for: entry)?.path)
        case .failed(_, let message):
            error = message
        case .started, .cancelled, nil:
            error = "cancelled"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case label, row, column, error
    }

    func encode(to encoder: any Encoder) throws {
        try entry?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(row, forKey: .row)
        try container.encode(column, forKey: .column)
        if entry == nil {
            try container.encodeIfPresent(error, forKey: .error)
        }
    }
}
