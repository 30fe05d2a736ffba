import SparklerCore

extension GraphicsDetector {
    /// What the `[terminal]` table of config.toml asks for (validated when it was read); keys left
    /// out, and `auto`, leave the choice to detection.
    public init(settings: SparklerConfig.TerminalSettings) {
        self.init(
            preference: settings.graphics.flatMap(GraphicsPreference.init(rawValue:)) ?? .auto,
            colorPreference: settings.colors.flatMap(ColorDepth.init(userValue:)),
            symbols: settings.symbols.flatMap(SymbolSet.init(rawValue:)) ?? .default,
            allowsTmuxPassthrough: settings.tmuxPassthrough ?? false
        )
    }
}
