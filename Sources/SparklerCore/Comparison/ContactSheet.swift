import Foundation

/// A comparison as one PNG: the pictures in their grid, each labelled with what differs, failed cells
/// as grey boxes, and the parameters of every cell in the file's metadata (`ContactSheetMetadata`).
public struct ContactSheet: Sendable {
    public struct Cell: Sendable, Equatable {
        public enum Content: Sendable, Equatable {
            /// A history row: its picture, or a box saying the safety filter or the request failed.
            case entry(HistoryEntry)
            /// A request that failed without a history row to show for it.
            case failed(GenerationRequest, message: String)
            /// A request cancelled before it finished.
            case cancelled(GenerationRequest)
        }

        public var row: Int
        public var column: Int
        public var label: String
        public var content: Content

        public init(row: Int, column: Int, label: String, content: Content) {
            self.row = row
            self.column = column
            self.label = label
            self.content = content
        }
    }

    public var rows: Int
    public var columns: Int
    public var cells: [Cell]

    public init(rows: Int, columns: Int, cells: [Cell]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    /// A plan's cells as they ended: `endings[i]` is cell i's last event; a cell without a
    /// `.finished` or `.failed` one counts as cancelled.
    public init(plan: ComparisonPlan, endings: [Int: ComparisonEvent]) {
        let cells = plan.cells.enumerated().map { index, cell in
            let content: Cell.Content = switch endings[index] {
            case .finished(_, let entry): .entry(entry)
            case .failed(_, let message): .failed(cell.request, message: message)
            case .started, .cancelled, nil: .cancelled(cell.request)
            }
            return Cell(row: cell.row, column: cell.column, label: cell.label, content: content)
        }
        self.init(rows: plan.rows, columns: plan.columns, cells: cells)
    }

    /// The sheet as PNG bytes, pictures read from `history`. `backend` is named in the parameters of
    /// cells that have no history row.
    public func png(history: HistoryStore, backend: String) throws -> Data {
        let pictures = cells.map { cell -> RGBAImage? in
            guard case .entry(let entry) = cell.content, let data = try? history.imageData(for: entry) else { return nil }
            return try? ImageCodec.decode(data)
        }
        let image = render(pictures: pictures)
        return try metadata(appVersion: history.appVersion, backend: backend).embedded(in: try PNGCodec.encode(image))
    }

    func metadata(appVersion: String, backend: String) -> ContactSheetMetadata {
        ContactSheetMetadata(rows: rows, columns: columns, cells: cells.map { $0.described(appVersion: appVersion, backend: backend) })
    }
}

extension ContactSheet.Cell {
    func described(appVersion: String, backend: String) -> ContactSheetMetadata.Cell {
        let entry: HistoryEntry
        let outcome: ContactSheetMetadata.Outcome
        let error: String?
        switch content {
        case .entry(let row):
            entry = row
            outcome = ContactSheetMetadata.Outcome(rawValue: row.outcome.rawValue) ?? .failed
            error = row.errorMessage
        case .failed(let request, let message):
            entry = HistoryEntry(request: request, backend: backend, groupID: "", createdAt: Date(), outcome: .failed, inputImage: nil)
            outcome = .failed
            error = message
        case .cancelled(let request):
            entry = HistoryEntry(request: request, backend: backend, groupID: "", createdAt: Date(), outcome: .failed, inputImage: nil)
            outcome = .cancelled
            error = nil
        }
        return ContactSheetMetadata.Cell(
            row: row, column: column, label: label, outcome: outcome, error: error, historyID: entry.id,
            provenance: entry.provenance(imageSize: entry.imageSize, appVersion: appVersion)
        )
    }
}
