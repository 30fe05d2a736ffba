import Foundation
import Testing
@testable import SparklerEngine

@Suite struct WordTokenizerTests {
    let tokenizer: WordTokenizer

    init() throws {
        tokenizer = try WordTokenizer(contentsOf: ModelFiles.tokenizer)
    }

    @Test func loadsTheShippedVocabulary() {
        #expect(tokenizer.vocabulary.count == 246)
        #expect(tokenizer.maxLength == 20)
        #expect(tokenizer.vocabulary[0] == "<pad>" && tokenizer.vocabulary[1] == "<unk>")
        #expect(tokenizer.emptyCaption == Array(repeating: 0, count: 20))
    }

    @Test(arguments: [
        ("tokens.npy", "a red circle on a blue background"),
        ("ddim_tokens.npy", "a beautiful sunset over the ocean"),
    ])
    func reproducesTheFixtures(file: String, caption: String) throws {
        let expected = try NumpyArray(contentsOf: ModelFiles.fixture(file))
        #expect(expected.shape == [1, 20])
        #expect(expected.dtype == "<i4")
        let encoded = tokenizer.encode(caption)
        #expect(encoded.ids.map(Int.init) == expected.integers)
        #expect(encoded.unknown.isEmpty)
        #expect(encoded.truncated.isEmpty)
    }

    @Test func reportsUnknownWords() {
        let encoded = tokenizer.encode("a purple dragon")
        #expect(encoded.unknown == ["dragon"])
        #expect(encoded.ids[0] == tokenizer.vocabulary.firstIndex(of: "a").map(Int32.init))
        #expect(encoded.ids[1] == tokenizer.vocabulary.firstIndex(of: "purple").map(Int32.init))
        #expect(encoded.ids[2] == 1)
        #expect(encoded.ids[3...].allSatisfy { $0 == 0 })
    }

    @Test func splitsLikeThePythonRegex() {
        #expect(WordTokenizer.words("A Red-Circle, on_the  BLUE background!!") == ["a", "red", "circle", "on", "the", "blue", "background"])
        #expect(WordTokenizer.words("sunset2ocean café") == ["sunset", "ocean", "caf"])
        #expect(WordTokenizer.words("  ,.; ") == [])
        #expect(tokenizer.encode("") == EncodedPrompt(ids: tokenizer.emptyCaption, unknown: [], truncated: []))
    }

    @Test func truncatesAndReports() {
        let words = (1...23).map { $0 % 2 == 0 ? "red" : "circle" } + ["dragon"]
        let encoded = tokenizer.encode(words.joined(separator: " "))
        #expect(encoded.ids.count == 20)
        #expect(!encoded.ids.contains(0) && !encoded.ids.contains(1))
        #expect(encoded.truncated == Array(words[20...]))
        #expect(encoded.unknown.isEmpty)
    }

    @Test func rejectsABadTokenizerFile() {
        #expect(throws: WordTokenizerError.self) { try WordTokenizer(json: Data("[]".utf8)) }
        #expect(throws: WordTokenizerError.self) { try WordTokenizer(json: Data(#"{"max_length": 20}"#.utf8)) }
        #expect(throws: WordTokenizerError.self) {
            try WordTokenizer(json: Data(#"{"vocab": ["<pad>", "<unk>"], "max_length": 20, "split_regex": "\\s+"}"#.utf8))
        }
    }
}
