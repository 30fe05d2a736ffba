import Foundation
import SparklerCore
import SparklerGraphics

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
        let session = try TerminalSession(asking: TerminalProbe(measuresEmoji: true), environment: setup.environment)
        defer { session.stop() }
        let reader = InputReader(session: session)
        let painter = FramePainter(session: session)
        reader.pushBack(session.probe?.typed ?? [])
        var answers = session.probe?.answers ?? TerminalAnswers()
        // Measured by the probe; a terminal that answers after its timeout keeps the stand-ins every terminal
        // draws alike.
        CharacterWidth.use(EmojiWidths(answers: answers))
        let graphics = options.graphics.detect(
            environment: setup.environment, answers: answers, window: .ofStandardOutput(),
            cursesColorCount: session.colorCount, cursesTerminal: session.terminalType)
        // History's pictures are read and rendered on the loader's worker; each one ready wakes a redraw.
        let pictures = PictureLoader(history: history, cache: PictureCache()) { [inbox] in inbox.send(.pictureReady($0)) }
        var format = graphics.format
        func makeView() -> PlaygroundView {
            PlaygroundView(theme: theme.theme, pictures: HistoryPictureSource(loader: pictures, format: format))
        }
        var view = makeView()
        /// Cell sizes change with the font, which terminals report as a resize, and xterm's sixel limit with the
        /// window: every picture follows.
        func refreshGeometry() {
            let cell = CellGeometry.resolve(window: .ofStandardOutput(), answers: answers)
            let limit = format.mode == .sixel ? answers.sixelLimit : nil
            guard cell.pixels != format.cell || limit != format.sixelLimit else { return }
            format.cell = cell.pixels
            format.sixelLimit = limit
            view = makeView()
        }
        let size = session.size
        var state = AppState(
            width: size.width, height: size.height, catalogue: backend.catalogue, form: form, backend: backend.availability,
            status: theme.warning.map { StatusMessage($0, kind: .warning) }
                ?? backend.notice.map { StatusMessage("\($0). Type a prompt and press Enter; F1 shows every key.") }
        )
        if let engine = backend.backend {
            state.coverage = { engine.coverage(of: $0, model: $1) }
            state.guide = { engine.guide(for: $0) }
        }
        if let threshold = setup.config.compare.confirmAboveSteps { state.compareConfirmSteps = threshold }
        state.prices = setup.prices
        /// A whole frame asks for every picture on the screen: what the one before asked for and this one does
        /// not is no longer shown, and the loader may drop it unrendered.
        func paint() {
            pictures.startFrame()
            painter.paint(view.render(state))
        }
        paint()
        // After the first frame: with a long history, reading its first page and prompts beside the painting
        // took the cores it needed.
        state.startupEffects.forEach(runner.run)

        while true {
            var events: [AppEvent] = []
            switch reader.next(timeout: .milliseconds(state.isBusy ? 50 : 100)) {
            case .terminalReply(let reply):
                answers.record(reply)
                refreshGeometry()
            case .resize(let width, let height):
                refreshGeometry()
                TerminalOutput.send(TerminalQuery.afterResize(graphics))
                events.append(.input(.resize(width: width, height: height)))
            case let input?:
                events.append(.input(input))
            case nil:
                break
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
            paint()
        }
    }
}
