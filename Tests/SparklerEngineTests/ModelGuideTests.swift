import Foundation
@testable import SparklerEngine
import SparklerCore
import Testing

/// What the shipped model says it understands (the playground's F3).
@Suite struct ModelGuideTests {
    private func shippedGuide() throws -> (ModelGuide, WordTokenizer) {
        let tokenizer = try WordTokenizer(contentsOf: ModelFiles.tokenizer)
        let guide = try ModelGuideReader.read(
            configuration: Data(contentsOf: ModelFiles.folder.appendingPathComponent("config.json")),
            tokenizer: tokenizer, examples: ModelFiles.folder.appendingPathComponent("examples.txt"))
        return (guide, tokenizer)
    }

    @Test func theTopicsAreWhatTheScenesDraw() throws {
        let (guide, tokenizer) = try shippedGuide()
        #expect(guide.topics.map(\.title) == ["Times of day", "Landscapes", "Shapes", "Colours", "Sizes", "Positions"])
        #expect(guide.topics[0].words == ["day", "sunset", "dusk", "night"])
        #expect(guide.topics[4].words == ["small", "medium", "big"])
        #expect(guide.topics[5].words.first == "top left" && guide.topics[5].words.last == "bottom right")
        #expect(guide.words.count == tokenizer.vocabulary.count - 2, "every word but <pad> and <unk>")
        #expect(!guide.words.contains("<unk>"))
        #expect(guide.wordLimit == 20)
    }

    /// An example the model cannot read whole would teach the wrong thing.
    @Test func everyExampleIsReadWhole() throws {
        let (guide, tokenizer) = try shippedGuide()
        #expect(guide.examples.count >= 10)
        for example in guide.examples {
            let encoded = tokenizer.encode(example)
            #expect(encoded.unknown.isEmpty && encoded.truncated.isEmpty, "\(example)")
        }
    }

    @Test func aFolderWithoutExamplesHasNone() throws {
        let tokenizer = try WordTokenizer(vocabulary: ["<pad>", "<unk>", "red"], maxLength: 4)
        let guide = try ModelGuideReader.read(
            configuration: Data("{}".utf8), tokenizer: tokenizer, examples: URL(fileURLWithPath: "/nonexistent/examples.txt"))
        #expect(guide.examples.isEmpty && guide.topics.isEmpty)
        #expect(guide.words == ["red"])
    }
}
