import Foundation
import SparklerCore

/// Reads what a model folder says the model understands: the scene vocabulary in config.json (what
/// `training/scenes.py` draws), every word of tokenizer.json, and the example prompts of examples.txt (one
/// per line, `#` starts a comment; a folder without it has no examples).
enum ModelGuideReader {
    static func read(configuration: Data, tokenizer: WordTokenizer, examples url: URL) throws -> ModelGuide {
        let root = try JSONSerialization.jsonObject(with: configuration) as? [String: Any]
        let scenes = root?["scene_vocabulary"] as? [String: Any] ?? [:]
        func list(_ key: String) -> [String] { scenes[key] as? [String] ?? [] }
        /// Dictionaries (colours, sizes, positions) name their entries by their keys, in reading order.
        func keys(_ key: String, order: [String] = []) -> [String] {
            let names = (scenes[key] as? [String: Any]).map { Array($0.keys) } ?? []
            return order.filter(names.contains) + names.filter { !order.contains($0) }.sorted()
        }
        let topics = [
            ModelGuide.Topic(title: "Times of day", words: list("times")),
            ModelGuide.Topic(title: "Landscapes", words: list("grounds")),
            ModelGuide.Topic(title: "Shapes", words: list("shapes")),
            ModelGuide.Topic(title: "Colours", words: keys("colors")),
            ModelGuide.Topic(title: "Sizes", words: keys("sizes", order: ["small", "medium", "big"])),
            ModelGuide.Topic(title: "Positions", words: keys("positions", order: [
                "top left", "top", "top right", "left", "center", "right", "bottom left", "bottom", "bottom right",
            ])),
        ].filter { !$0.words.isEmpty }
        let special = Set([tokenizer.padID, tokenizer.unkID].map { tokenizer.vocabulary[Int($0)] })
        return ModelGuide(
            topics: topics,
            words: tokenizer.vocabulary.filter { !special.contains($0) }.sorted(),
            examples: try examples(at: url),
            wordLimit: tokenizer.maxLength
        )
    }

    private static func examples(at url: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
