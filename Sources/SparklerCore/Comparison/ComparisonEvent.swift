/// What happened to one cell of a running comparison; `cell` indexes `ComparisonPlan.cells`.
public enum ComparisonEvent: Sendable, Equatable {
    /// The cell's request went out.
    case started(cell: Int)
    /// The picture (or the safety filter's verdict) is in history.
    case finished(cell: Int, entry: HistoryEntry)
    /// The request failed; the failure is in history, unless history itself could not be written.
    case failed(cell: Int, message: String)
    /// The comparison was cancelled before this cell finished; nothing is recorded for it.
    case cancelled(cell: Int)

    public var cell: Int {
        switch self {
        case .started(let cell), .finished(let cell, _), .failed(let cell, _), .cancelled(let cell): cell
        }
    }
}
