import Foundation
import SparklerGraphics

/// The bottom line: what is happening (spinner, elapsed time, cost) or what just happened,
/// and on the right the backend, the session's billed steps and where help is.
struct StatusLineView {
    static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    var theme: Theme

    func draw(in frame: inout Frame, rect: Rect, state: AppState) {
        frame.fill(rect, style: theme.status)
        var right = "session: \(state.sessionSteps) steps" + (state.sessionSpend > .zero ? ", \(state.sessionSpend)" : "") + "   F1 help "
        if let estimate = state.estimatedCost { right = "next ≈ \(estimate) · " + right }
        if case .available = state.backend { right = "\(state.model.provider.rawValue) · " + right }
        let rightWidth = CharacterWidth.of(right)
        let room = rect.width - rightWidth - 1
        if room >= 20 {
            frame.put(right, x: rect.maxX - rightWidth, y: rect.y, style: theme.keyHint)
        }
        let limit = room >= 20 ? room : rect.width
        if let grid = state.compare, grid.isRunning {
            let tick = Int(state.now.timeIntervalSince1970 * 10)
            let spinner = Self.spinnerFrames[((tick % Self.spinnerFrames.count) + Self.spinnerFrames.count) % Self.spinnerFrames.count]
            var text = " comparing: \(grid.finishedCount) of \(grid.cells.count) done"
            if grid.failedCount > 0 { text += " · \(grid.failedCount) failed" }
            text += " · Esc cancels"
            frame.put(String(spinner), x: rect.x, y: rect.y, style: theme.spinner)
            frame.put(text, x: rect.x + 1, y: rect.y, style: theme.statusBusy, limit: limit - 1)
            return
        }
        if let run = state.generation {
            let tick = Int(state.now.timeIntervalSince1970 * 10)
            let spinner = Self.spinnerFrames[((tick % Self.spinnerFrames.count) + Self.spinnerFrames.count) % Self.spinnerFrames.count]
            let elapsed = String(format: "%.1f s", max(0, state.now.timeIntervalSince(run.startedAt)))
            var text = " generating \(elapsed) · \(run.steps) steps · "
            text += run.seed == 0 ? "random seed" : "seed \(run.seed)"
            if let progress = run.progress { text += " · step \(progress.step)/\(progress.total)" }
            if let remote = run.remoteStatus { text += " · \(remote)" }
            if let note = run.retryNote { text += " · \(note)" }
            text += " · Esc cancels"
            frame.put(String(spinner), x: rect.x, y: rect.y, style: theme.spinner)
            frame.put(text, x: rect.x + 1, y: rect.y, style: theme.statusBusy, limit: limit - 1)
            return
        }
        let shown = state.visibleStatus
        let style = switch shown.kind {
        case .info: theme.status
        case .success: theme.statusOk
        case .warning: theme.statusWarning
        case .error: theme.statusError
        }
        frame.put(" " + shown.text, x: rect.x, y: rect.y, style: style, limit: limit)
    }
}
