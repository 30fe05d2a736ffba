import Foundation
import SparklerCore

/// The image pane's own state: the request in flight (spinner, elapsed time, steps, previews, the server's
/// status) and the picture shown. Its update starts, follows and finishes a run.
public struct ImagePane: Sendable {
    public var generation: GenerationRun?
    /// A history entry with a stored image.
    public var picture: HistoryEntry? {
        didSet { if picture?.id != oldValue?.id { lastPreview = nil } }
    }
    /// The last preview of the run that made `picture`, kept on screen until the finished picture is
    /// rendered (off the UI thread), so the pane never flashes empty between the two.
    public var lastPreview: (image: RGBAImage, key: String)?

    public init() {}

    public mutating func start(_ request: GenerationRequest, at now: Date) {
        generation = GenerationRun(startedAt: now, steps: request.billedSteps, seed: request.seed)
    }

    public mutating func progress(_ progress: GenerationProgress) {
        guard var run = generation else { return }
        switch progress {
        case .retrying(let attempt, let delay, let reason):
            run.retryNote = "\(DisplayText.clean(reason)): retrying in \(String(format: "%.0f", delay.inSeconds.rounded(.up))) s (attempt \(attempt))"
        case .step(let step, let total, let preview):
            run.progress = GenerationRun.StepProgress(step: step, total: total)
            if let preview { run.preview = preview }
        case .waiting(_, let status, let fraction):
            run.remoteStatus = DisplayText.clean(status) + (fraction.map { " \(Int(($0 * 100).rounded()))%" } ?? "")
        }
        generation = run
    }

    /// The run ended: its picture shown (its last preview kept until the picture is drawn), what it cost and
    /// took said, and history read again.
    public mutating func finish(_ outcome: GenerationOutcome, at now: Date) -> [Reaction] {
        let run = generation
        generation = nil
        let elapsed = run.map { String(format: "%.1f s", now.timeIntervalSince($0.startedAt)) } ?? ""
        let reload: [Reaction] = [.reloadHistory(selectingNewest: true), .run(.loadPrompts)]
        switch outcome {
        case .cancelled:
            return [.notify(StatusMessage("Cancelled.", kind: .warning))]
        case .failed(let message):
            return [.notify(StatusMessage(DisplayText.clean(message), kind: .error, source: .generation))] + reload
        case .finished(let entries):
            let billing = entries.map(Reaction.billed)
            guard let first = entries.first else { return billing + [.reloadHistory(selectingNewest: false)] }
            let seed = first.seed.map(String.init) ?? "?"
            let used = first.seed.map { [Reaction.seedUsed($0)] } ?? []
            let message: StatusMessage
            switch first.outcome {
            case .success:
                picture = first
                lastPreview = run?.preview.map { ($0, run?.previewKey ?? "") }
                let billed = entries.compactMap(\.stepsBilled).reduce(0, +)
                let spent = Money(micros: entries.compactMap(\.costMicros).reduce(0, +))
                let cost = first.backend == "local" ? "offline, nothing billed"
                    : first.costMicros == nil ? "\(billed) steps billed" : "\(spent)" + (billed > 0 ? " (\(billed) steps)" : "")
                message = StatusMessage("Done in \(elapsed) · seed \(seed) · \(cost)", kind: .success)
            case .filtered:
                message = StatusMessage("The safety check filtered this picture (seed \(seed)); try another seed or prompt.", kind: .warning)
            case .failed:
                message = StatusMessage(DisplayText.clean(first.errorMessage ?? "The request failed."), kind: .error, source: .generation)
            }
            return billing + used + [.notify(message)] + reload
        }
    }
}
