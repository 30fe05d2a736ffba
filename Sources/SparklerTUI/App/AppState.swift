import Foundation
import SparklerCore

/// The whole playground as one value. `update` changes it in answer to events and asks for effects;
/// `PlaygroundView` draws it. Neither touches the terminal, the network or the disk.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    /// The models offered; a provider found unable to draw after start leaves it.
    public var catalogue: ModelCatalogue
    public var form: FormState
    public var focus: Focus = .prompt
    /// Keys on the parameter rows, with digits typed and not yet committed.
    public var parameters = ParameterEditor()
    /// Earlier values of the form's parameters, for Ctrl-Z on a parameter row.
    public var formUndo = FormUndo()
    public var overlay: Overlay?
    public var notifications: Notifications
    /// The run in flight and the picture shown.
    public var image = ImagePane()
    public var now: Date
    public var history = HistoryPane()
    /// The comparison in the image pane, running or done.
    public var compare: CompareState?
    /// A comparison billing more steps than this asks first.
    public var compareConfirmSteps = 300
    /// What this session's pictures took: steps billed and money, by the prices in force.
    public var spend = SessionSpend()
    /// Fireworks' prices (config.toml's `[prices]` over the defaults), for estimates before sending.
    public var prices = PriceTable()
    /// Earlier prompts for ↑/↓ in the prompt field.
    public var recall = PromptRecall()
    /// What the kill keys took, in any text field: one ring for all, as readline has. Not part of the form,
    /// so neither saved nor taken back by the form's undo.
    public var killRing = KillRing()
    /// Where pictures are made (`fireworks`), or nil with the reason none can be made.
    public var backend: BackendAvailability
    /// Which prompt words the backend's model cannot use (the offline engine knows few words).
    public var coverage: @Sendable (String, ModelCapabilities) -> PromptCoverage = { _, _ in PromptCoverage() }
    /// What a model with a fixed vocabulary understands (F3); nil for models that read any text.
    public var guide: @Sendable (ModelCapabilities) -> ModelGuide? = { _ in nil }
    /// The form as it was last saved (or loaded): what the file holds.
    public var savedForm: FormState
    public var lastFormSave: Date
    public var isQuitting = false

    public init(
        width: Int, height: Int, catalogue: ModelCatalogue, form: FormState,
        backend: BackendAvailability, now: Date = Date(), status: StatusMessage? = nil
    ) {
        self.width = width
        self.height = height
        self.catalogue = catalogue
        self.form = form
        savedForm = form
        self.backend = backend
        self.now = now
        lastFormSave = now
        notifications = Notifications(status ?? Self.idleStatus(for: backend), at: now)
        self.form.adapt(to: model)
        // Fitting the saved form to the catalogue follows from the file: nothing new to save.
        savedForm = self.form
    }

    /// What the status line says when nothing else is to be said.
    static func idleStatus(for backend: BackendAvailability) -> StatusMessage {
        switch backend {
        case .available(let name): StatusMessage("Ready: type a prompt and press Enter (\(name)). F1 shows every key.")
        case .unavailable(let reason): StatusMessage(reason, kind: .error)
        }
    }

    /// The status line's notification. Setting it posts a new one, stamped now and kept in the log.
    public var status: StatusMessage {
        get { notifications.current }
        set { notifications.post(newValue, at: now) }
    }

    /// The notification to show now: the current one, or the idle line once it has faded.
    public var visibleStatus: StatusMessage {
        notifications.visible(at: now, idle: Self.idleStatus(for: backend))
    }

    /// Every message shown this session, oldest first, for the message view (F2).
    public var messageLog: [StatusMessage] { notifications.log }
    public var typedValue: String? { parameters.typedValue }
    public var generation: GenerationRun? {
        get { image.generation }
        set { image.generation = newValue }
    }
    public var picture: HistoryEntry? {
        get { image.picture }
        set { image.picture = newValue }
    }
    public var lastPreview: (image: RGBAImage, key: String)? { image.lastPreview }
    public var recalledPrompts: [String] { recall.prompts }
    public var sessionSteps: Int { spend.steps }
    public var sessionSpend: Money { spend.money }

    /// The form's model, or the default when the saved one is no longer in the catalogue.
    public var model: ModelCapabilities {
        catalogue.model(named: form.model) ?? catalogue.model(named: ModelCatalogue.defaultModelID) ?? catalogue.models[0]
    }

    public var fields: [ParameterField] { form.fields(for: model) }

    public var promptCoverage: PromptCoverage { coverage(form.prompt.text, model) }

    public var modelGuide: ModelGuide? { guide(model) }

    public var layout: Layout? {
        Layout(width: width, height: height, historyFocused: focus == .history)
    }

    /// The form changed since it was last saved: derived, so no change can forget to say so.
    public var formIsDirty: Bool { form != savedForm }

    public var isGenerating: Bool { generation != nil }
    public var isComparing: Bool { compare?.isRunning ?? false }
    /// Something is being made that quitting would abandon.
    public var isBusy: Bool { isGenerating || isComparing }
}

public enum BackendAvailability: Sendable, Equatable {
    case available(String)
    case unavailable(String)
}

/// A request in flight, for the spinner, the elapsed time and the cost shown while waiting.
public struct GenerationRun: Sendable, Equatable {
    public var startedAt: Date
    public var steps: Int
    public var seed: Int
    /// Set while the backend waits to retry (rate limited, server trouble).
    public var retryNote: String?
    /// The denoising step reached, for backends that report steps.
    public var progress: StepProgress?
    /// The backend's latest estimate of the picture, shown in the image pane while it is made.
    public var preview: RGBAImage?
    /// Where a request that runs on the server's own time stands (FLUX Kontext: `Pending 40%`).
    public var remoteStatus: String?

    /// Names the current preview for the picture cache: one render per step.
    public var previewKey: String { "preview \(startedAt.timeIntervalSince1970) \(progress?.step ?? 0)" }

    public init(startedAt: Date, steps: Int, seed: Int) {
        self.startedAt = startedAt
        self.steps = steps
        self.seed = seed
    }

    public struct StepProgress: Sendable, Equatable {
        public var step: Int
        public var total: Int
    }
}
