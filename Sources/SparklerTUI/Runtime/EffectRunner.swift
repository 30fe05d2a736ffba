import SparklerCore

/// Carries out what `update` asks for, off the UI thread, and reports back through the inbox: each effect
/// goes to the worker for its concern.
public final class EffectRunner: Sendable {
    private let generation: GenerationEffects
    private let history: HistoryEffects
    private let form: FormEffects

    public init(history: HistoryStore, service: GenerationService?, formStore: FormStore, inbox: EventInbox, maxInFlight: Int) {
        generation = GenerationEffects(service: service, inbox: inbox, maxInFlight: maxInFlight)
        self.history = HistoryEffects(history: history, inbox: inbox, backendName: service?.backend.name ?? "fireworks")
        form = FormEffects(formStore: formStore, inbox: inbox)
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .generate, .cancelGeneration, .runComparison, .cancelComparison:
            generation.run(effect)
        case .loadHistory, .loadPrompts, .setFavourite, .delete, .export, .loadRequest, .prepareEdit, .loadGroup, .exportSheet:
            history.run(effect)
        case .saveForm, .completePath:
            form.run(effect)
        case .quit:
            generation.cancelAll()
        }
    }
}
