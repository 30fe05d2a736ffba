import ArgumentParser
import Foundation
import SparklerCore
import SparklerGraphics
import SparklerTUI

/// The values shell completion offers for options and arguments (`sparkler --generate-completion-script
/// bash|zsh|fish`). Values that depend on the user's files, models added in config.toml, history ids and
/// the user's themes, are looked up by the binary when the shell asks; anything that goes wrong then completes nothing, never
/// an error in the middle of the user's command line.
enum CompletionValues {
    static let samplers = CompletionKind.list(Sampler.allCases.map(\.rawValue))
    static let backends = CompletionKind.list(BackendKind.allCases.map(\.rawValue))
    static let formats = CompletionKind.list(["jpg", "png"])
    static let pictures = CompletionKind.file(extensions: ["png", "jpg", "jpeg"])
    static let graphicsModes = CompletionKind.list(GraphicsPreference.allCases.map(\.rawValue))
    static let colorDepths = CompletionKind.list(ColorDepth.allCases.map(\.rawValue))
    static let symbolSets = CompletionKind.list(SymbolSet.allCases.map(\.rawValue))

    static let models = CompletionKind.custom { _, _, _ in modelNames(in: catalogue()) }
    static let sizes = CompletionKind.custom { words, _, _ in shapes(for: words, in: catalogue()) { $0.sizes.map(\.description) } }
    static let aspectRatios = CompletionKind.custom { words, _, _ in shapes(for: words, in: catalogue()) { $0.aspectRatios } }
    static let historyIDs = CompletionKind.custom { _, _, _ in recentHistoryIDs() }
    static let themes = CompletionKind.custom { _, _, _ in
        ThemeCatalogue.availableThemes(userDirectory: SparklerPaths().themesDirectory)
    }

    /// Short names, as `--model` takes them.
    static func modelNames(in catalogue: ModelCatalogue) -> [String] {
        unique(catalogue.models.map(\.id.name))
    }

    /// The sizes or aspect ratios of the model named earlier on the command line (`--model NAME` or
    /// `--model=NAME`); those of every model when none is named, or the name is unknown.
    static func shapes(for words: [String], in catalogue: ModelCatalogue, _ values: (ModelCapabilities) -> [String]) -> [String] {
        if let named = modelNamed(in: words), let model = catalogue.model(named: named) { return values(model) }
        return unique(catalogue.models.flatMap(values))
    }

    private static func modelNamed(in words: [String]) -> String? {
        let prefix = "--model="
        if let joined = words.last(where: { $0.hasPrefix(prefix) }) { return String(joined.dropFirst(prefix.count)) }
        guard let option = words.lastIndex(of: "--model"), option + 1 < words.count else { return nil }
        return words[option + 1]
    }

    /// The newest entries' ids, newest first; none when there is no history yet (completion never creates it).
    static func recentHistoryIDs(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let setup = try? SparklerSetup(environment: environment),
              FileManager.default.fileExists(atPath: setup.historyDirectory.appending(path: "history.sqlite").path),
              let entries = try? setup.openHistory().entries(HistoryQuery(limit: 100))
        else { return [] }
        return entries.compactMap { entry in entry.id.map { String($0) } }
    }

    /// config.toml's catalogue; the built-in one when the configuration cannot be read.
    private static func catalogue() -> ModelCatalogue {
        (try? SparklerSetup())?.catalogue ?? ModelCatalogue()
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
