import SparklerCore
import SparklerEngine
import SparklerTUI

/// The playground's backends: with a Fireworks key, Fireworks' models and the offline engine side by
/// side (the model picks); without one, the offline engine alone, saying so in the status line.
enum PlaygroundSetup {
    static func backend(_ setup: SparklerSetup, kind explicit: BackendKind?) -> PlaygroundBackend {
        let kind = explicit ?? setup.config.backend ?? .auto
        let key: APIKey?
        do {
            key = try setup.apiKey()
        } catch {
            return PlaygroundBackend(unavailable: error.description, catalogue: setup.catalogue)
        }
        var backends: [ModelProvider: any ImageBackend] = [:]
        var engineProblem: String?
        var lateStart: LateStart?
        if let key, kind != .local {
            backends[.fireworks] = FireworksBackend(configuration: setup.fireworksConfiguration(key: key))
        }
        if kind != .fireworks {
            do {
                let engine = try LocalEngineBackend(environment: setup.environment)
                backends[.local] = engine
                lateStart = LateStart(provider: .local) { await engine.startProblem() }
            } catch {
                engineProblem = LocalEngineBackend.cannotStart(error)
            }
        }
        guard !backends.isEmpty else {
            let reason = engineProblem ?? "No Fireworks API key: quit (q), export FIREWORKS_API_KEY=fw_... and start again, set key_command in config.toml, or start with --backend local."
            return PlaygroundBackend(unavailable: reason, catalogue: setup.catalogue)
        }
        let catalogue = setup.catalogue.restricted(to: Set(backends.keys))
        let notice = engineProblem ?? (kind == .auto && key == nil ? BackendSelection.offlineNotice.prefix(1).uppercased() + BackendSelection.offlineNotice.dropFirst() : nil)
        return PlaygroundBackend(backend: ModelRoutedBackend(backends), catalogue: catalogue, notice: notice, lateStart: lateStart)
    }
}
