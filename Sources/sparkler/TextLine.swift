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
        return "\(id)  \(DateText.localMinutes(entry.createdAt))  \(star) \(outcome)\(clipped(DisplayText.clean(entry.prompt), to: 60))"
    }

    static func details(_ entry: EntryJSON) -> [String] {
        var rows: [(String, String?)] = [
            ("id", String(entry.id)),
            ("created", DateText.localMinutes(entry.createdAt)),
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
            ("edit of", entry.editOf.map { "#\($0)" }),
            ("edited into", entry.editedInto.map { $0.map { "#\($0)" }.joined(separator: ", ") }),
            ("request id", entry.requestId),
            ("steps billed", entry.stepsBilled.map { String($0) }),
            ("file", entry.path),
            ("group", entry.groupId),
        ]
        rows += entry.request.options.entries.map { ($0.parameter.name(for: .kontext), $0.value.formText) }
        rows.removeAll { $0.1 == nil }
        return rows.map { "\($0.0.leftPadded(to: 12)): \($0.1 ?? "")" }
    }

    /// `history spend`'s table: one line per day or model, then the total.
    static func spend(_ lines: [SpendLine], heading: String) -> [String] {
        let width = max(heading.count, lines.map(\.key.count).max() ?? 0, 5)
        func row(_ key: String, _ pictures: String, _ steps: String, _ cost: String) -> String {
            key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + pictures.leftPadded(to: 8) + "  "
                + steps.leftPadded(to: 8) + "  " + cost.leftPadded(to: 10)
        }
        var rows = [row(heading, "pictures", "steps", "cost")]
        rows += lines.map { row($0.key, String($0.pictures), String($0.stepsBilled), $0.cost.description) }
        let total = lines.reduce(into: (pictures: 0, steps: 0, cost: Money.zero, unpriced: 0)) {
            $0 = ($0.pictures + $1.pictures, $0.steps + $1.stepsBilled, $0.cost + $1.cost, $0.unpriced + $1.unpriced)
        }
        rows.append(row("total", String(total.pictures), String(total.steps), total.cost.description))
        if total.unpriced > 0 {
            rows.append("(\(total.unpriced) pictures from before costs were recorded count in steps only.)")
        }
        rows.append("(Costs by the prices in force when each picture was made: Fireworks' as read \(PriceTable.readOn), or [prices] in config.toml.)")
        return rows
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
