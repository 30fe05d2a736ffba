import Foundation

/// The fixed captions a benchmark scores sparkler-tiny on: every shape position, colour-binding pairs,
/// backgrounds stated three ways and unstated, every time of day and ground. training/adherence_samples.py
/// draws scenes for the same list (keep the two in step).
public enum AdherenceSuite {
    public static let captions: [String] = [
        "a red circle on a blue background",
        "a blue circle on a red background",
        "a yellow star at the top left",
        "a big green triangle at the bottom right on a white background",
        "a white background with a black square on the left",
        "a small pink circle at the top right on black",
        "a large orange square at the top on a purple background",
        "a green star in the lower left on a yellow background",
        "a brown triangle at the bottom on a gray background",
        "a purple circle on the right on a white background",
        "a beautiful sunset over the ocean",
        "the sea on a sunny day",
        "a starry night over the sea",
        "mountains with snow at night",
        "snowy mountains at sunset",
        "a forest during the day",
        "green hills at dusk",
    ]
}

/// Reports gathered over a run of the suite (several seeds per caption), summarised per caption.
public struct AdherenceTally: Sendable, CustomStringConvertible {
    public struct CaptionScore: Sendable, Equatable {
        public let caption: String
        public let meanScore: Double
        public let pictures: Int
        /// How often each check failed, most frequent first.
        public let failures: [Failure]
    }

    public struct Failure: Sendable, Equatable {
        public let check: String
        public let count: Int
    }

    public private(set) var reports: [AdherenceReport] = []

    public init(_ reports: [AdherenceReport] = []) {
        self.reports = reports
    }

    public mutating func add(_ report: AdherenceReport) {
        reports.append(report)
    }

    /// The mean of every picture's score; 0 without reports.
    public var meanScore: Double {
        reports.isEmpty ? 0 : reports.map(\.score).reduce(0, +) / Double(reports.count)
    }

    /// One entry per caption, in the order captions first appeared.
    public var captionScores: [CaptionScore] {
        var order: [String] = [], byCaption: [String: [AdherenceReport]] = [:]
        for report in reports {
            if byCaption[report.caption] == nil { order.append(report.caption) }
            byCaption[report.caption, default: []].append(report)
        }
        return order.map { caption in
            let reports = byCaption[caption]!
            var failures: [String: Int] = [:]
            for check in reports.flatMap(\.failed) { failures[check.name, default: 0] += 1 }
            return CaptionScore(
                caption: caption, meanScore: reports.map(\.score).reduce(0, +) / Double(reports.count),
                pictures: reports.count,
                failures: failures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { Failure(check: $0.key, count: $0.value) })
        }
    }

    /// A table for a benchmark log: one line per caption, then the mean.
    public var description: String {
        let width = captionScores.map(\.caption.count).max() ?? 0
        var lines = captionScores.map { entry in
            let score = String(format: "%.2f", entry.meanScore)
            let failed = entry.failures.map { "\($0.check) x\($0.count)" }.joined(separator: "; ")
            return entry.caption.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(score)  (\(entry.pictures))" + (failed.isEmpty ? "" : "  failed: \(failed)")
        }
        lines.append("mean".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(format: "%.2f", meanScore))
        return lines.joined(separator: "\n")
    }
}
