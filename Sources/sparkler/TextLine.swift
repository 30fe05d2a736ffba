import Foundation
import SparklerCore

/// The plain-text output of commands. Text that came from users or servers is made safe first:
/// control characters never reach the terminal.
enum TextLine {
    static func generated(_ entry: EntryJSON) -> String {
        let seed = entry.seed.map { "seed \($0)" } ?? "no seed"
        return "\(entry.path ?? "(filtered, no picture)")\t\(seed)"
    }

    static func listed(_ entry: EntryJSON) -> String {
        let star = entry.favorite ? "★" : " "
        let outcome = entry.outcome == "success" ? "" : "[\(entry.outcome)] "
        let id = String(entry.id).leftPadded(to: 6)
        return "\(id)  \(timestamp(entry.createdAt))  \(star) \(outcome)\(clipped(DisplayText.clean(entry.prompt), to: 60))"
    }

    static func details(_ entry: EntryJSON) -> [String] {
        var rows: [(String, String?)] = [
            ("id", String(entry.id)),
            ("created", timestamp(entry.createdAt)),
            ("outcome", entry.outcome + (entry.favorite ? ", favourite" : "")),
            ("error", entry.error.map { DisplayText.clean($0) }),
            ("prompt", DisplayText.clean(entry.prompt)),
            ("negative", entry.negativePrompt.map { DisplayText.clean($0) }),
            ("model", entry.model),
            ("backend", entry.backend),
            ("mode", entry.mode),
            ("size", entry.width.flatMap { width in entry.height.map { "\(width)x\($0)" } } ?? entry.request.shape?.description),
            ("cfg", entry.cfgScale.map { String($0) }),
            ("steps", entry.steps.map { String($0) }),
            ("sampler", entry.sampler ?? "model default"),
            ("seed", entry.seed.map { String($0) }),
            ("steps billed", entry.stepsBilled.map { String($0) }),
            ("file", entry.path),
            ("group", entry.groupId),
        ]
        rows.removeAll { $0.1 == nil }
        return rows.map { "\($0.0.leftPadded(to: 12)): \($0.1 ?? "")" }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private static func clipped(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
