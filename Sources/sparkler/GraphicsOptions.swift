import ArgumentParser
import SparklerCore
import SparklerGraphics

/// How pictures are drawn, as the command line gives it; each option given overrides the
/// `[terminal]` table of config.toml. The decision itself is the detector's.
struct GraphicsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("auto, symbols, sixel, kitty or iterm2 (default: `graphics` under [terminal] in config.toml, else auto).", valueName: "mode"), completion: CompletionValues.graphicsModes, transform: Self.preference)
    var graphics: GraphicsPreference?

    @Option(name: .long, help: ArgumentHelp("Colours for symbols: 256, truecolor, 16 or none (default: detected).", valueName: "depth"), completion: CompletionValues.colorDepths, transform: Self.depth)
    var colors: ColorDepth?

    @Option(name: .long, help: ArgumentHelp("Symbols: block, half, ascii, braille or all (default: block).", valueName: "set"), completion: CompletionValues.symbolSets, transform: Self.symbolSet)
    var symbols: SymbolSet?

    @Flag(name: .long, help: "Inside tmux, send sixel and kitty through tmux's passthrough (needs `set -g allow-passthrough on`).")
    var tmuxPassthrough = false

    func detector(settings: SparklerConfig.TerminalSettings) -> GraphicsDetector {
        var detector = GraphicsDetector(settings: settings)
        if let graphics { detector.preference = graphics }
        if let colors { detector.colorPreference = colors }
        if let symbols { detector.symbols = symbols }
        if tmuxPassthrough { detector.allowsTmuxPassthrough = true }
        return detector
    }

    private static func preference(_ value: String) throws -> GraphicsPreference {
        guard let preference = GraphicsPreference(rawValue: value.lowercased()) else {
            throw ValidationError("--graphics takes auto, symbols, sixel, kitty or iterm2, not `\(value)`.")
        }
        return preference
    }

    private static func depth(_ value: String) throws -> ColorDepth {
        guard let depth = ColorDepth(userValue: value) else {
            throw ValidationError("--colors takes 256, truecolor, 16 or none, not `\(value)`.")
        }
        return depth
    }

    private static func symbolSet(_ value: String) throws -> SymbolSet {
        guard let set = SymbolSet(rawValue: value.lowercased()) else {
            throw ValidationError("--symbols takes block, half, ascii, braille or all, not `\(value)`.")
        }
        return set
    }
}
