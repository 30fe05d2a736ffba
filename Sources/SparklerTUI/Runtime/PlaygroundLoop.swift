import Foundation
import SparklerCore

/// The UI thread's loop: the only code that touches the terminal.
struct PlaygroundLoop: @unchecked Sendable {
    // @unchecked: built on the calling task, then used only by the UI thread it is handed to.
    let setup: SparklerSetup
    let options: Playground.Options
    let history: HistoryStore
    let theme: ThemeChoice
    let backend: PlaygroundBackend
    let form: FormState
    let runner: EffectRunner
    let inbox: EventInbox

    func run() throws {
        let session = try TerminalSession()
        defer { session.stop() }
        let reader = InputReader(session: session)
        let painter = FramePainter(session: session)
        let graphics = options.graphics.detect(environment: setup.environment, cursesColorCount: session.colorCount)
        let pictures = HistoryPictureSource(history: history, cache: PictureCache(), format: graphics.format)
        let view = PlaygroundView(theme: theme.theme, pictures: pictures)

        let size = session.size
        var state = AppState(
            width: size.width, height: size.height, catalogue: backend.catalogue, form: form, backend: backend.availability,
            status: theme.warning.map { StatusMessage($0, kind: .warning) }
                ?? backend.notice.map { StatusMessage("\($0). Type a prompt and press Enter; F1 shows every key.") }
        )
        if let engine = backend.backend {
            state.coverage = { engine.coverage(of: $0, model: $1) }
        }
        if let threshold = setup.config.compare.confirmAboveSteps { state.compareConfirmSteps = threshold }
        state.startupEffects.forEach(runner.run)
        painter.paint(view.render(state))

        while true {
            var events: [AppEvent] = []
            if let input = reader.next(timeout: .milliseconds(state.isBusy ? 50 : 100)) {
                events.append(.input(input))
            }
            events += inbox.drain()
            let now = Date()
            if events.isEmpty && !state.isBusy && !state.formIsDirty { continue }
            // The clock first, so that what happens next is timed from now.
            events.insert(.tick(now), at: 0)
            for event in events {
                for effect in state.update(event) {
                    runner.run(effect)
                    if effect == .quit { return }
                }
            }
            painter.paint(view.render(state))
        }
    }
}
