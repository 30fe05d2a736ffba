import ArgumentParser
import SparklerCore

/// `--backend`, shared by the playground, `generate` and `compare` (argument-parser hands a parent's
/// options to subcommands, so they must be one group).
struct BackendOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "auto, local or fireworks (default: `backend` in config.toml, else auto: Fireworks with a key, the offline engine without).",
        valueName: "backend"), completion: CompletionValues.backends, transform: Self.kind)
    var backend: BackendKind?

    private static func kind(_ value: String) throws -> BackendKind {
        guard let kind = BackendKind(rawValue: value.lowercased()) else {
            throw ValidationError("--backend takes auto, local or fireworks, not \(value).")
        }
        return kind
    }
}
