import Foundation
import SparklerCore

/// The plain-text output of `compare`; text from servers is made safe for the terminal first.
enum CompareText {
    /// A cell's line on stdout: its label, then its file or why it has none.
    static func cell(_ cell: CellJSON) -> String {
        let result = cell.entry.map { $0.path ?? "(filtered, no picture)" } ?? "(\(DisplayText.clean(cell.error ?? "failed")))"
        return "\(cell.label)\t\(result)"
    }

    /// A cell's line on stderr as it ends.
    static func progress(_ event: ComparisonEvent, label: String) -> String {
        switch event {
        case .started:
            "\(label): started"
        case .finished(_, let entry) where entry.outcome == .filtered:
            "\(label): filtered by the safety check (CONTENT_FILTERED)"
        case .finished(_, let entry):
            "\(label): done" + (entry.totalMilliseconds.map { String(format: " in %.1f s", Double($0) / 1000) } ?? "")
        case .failed(_, let message):
            "\(label): failed: \(DisplayText.clean(message))"
        case .cancelled:
            "\(label): cancelled"
        }
    }
}
