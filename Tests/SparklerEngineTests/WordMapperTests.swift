import Foundation
@testable import SparklerEngine
import SparklerCore
import Testing

/// Unknown words close to a known one are read as it, and said; anything else stays unknown.
@Suite struct WordMapperTests {
    private static let model = Result { try EngineModel(folder: ModelFiles.folder) }

    private func mapper() throws -> WordMapper {
        let tokenizer = try Self.model.get().tokenizer
        return try #require(tokenizer.mapper)
    }

    @Test(arguments: [
        ("sunlit", "sunny", WordMapping.Reason.synonym), ("crimson", "red", .synonym), ("navy", "blue", .synonym),
        ("seaside", "sea", .synonym), ("snowcapped", "snowy", .synonym),
        ("circles", "circle", .form), ("peak", "peaks", .form), ("cabins", "cabin", .form), ("beaches", "beach", .form), ("tree", "trees", .form),
        ("sunest", "sunset", .spelling), ("ocaen", "ocean", .spelling), ("bleu", "blue", .spelling), ("sunst", "sunset", .spelling), ("mountians", "mountains", .spelling),
        ("purplle", "purple", .spelling), ("triangel", "triangle", .spelling), ("lighthosue", "lighthouse", .spelling),
    ])
    func closeWordsAreRead(word: String, known: String, reason: WordMapping.Reason) throws {
        #expect(try mapper().map(word) == WordMapping(from: word, to: known, reason: reason))
    }

    /// Real words that look like known ones, and words for things it does not draw.
    @Test(arguments: ["horse", "mouse", "read", "cat", "dragon", "lake", "dawn", "sunrise", "river", "people", "car", "bat", "ten", "hose", "ocen"])
    func otherWordsStayUnknown(word: String) throws {
        #expect(try mapper().map(word) == nil, "\(word) must not be read as another word")
    }

    @Test func theTokenizerEncodesTheReadingAndSaysSo() throws {
        let tokenizer = try Self.model.get().tokenizer
        let encoded = tokenizer.encode("a crimson circles on a navy dragon")
        #expect(encoded.unknown == ["dragon"])
        #expect(encoded.mapped.map(\.description) == ["crimson → red", "circles → circle", "navy → blue"])
        #expect(encoded.ids == tokenizer.encode("a red circle on a blue dragon").ids, "read exactly as the known words")
    }

    @Test func aBrokenSynonymsFileNamesFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("synonyms-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("# comment\ngrey gray\nsunrise\n".utf8).write(to: file)
        #expect {
            try WordMapper(known: ["gray", "sunset"], synonymsFile: file)
        } throws: { error in
            "\(error)".contains("\(file.path) line 3")
        }
        try Data("sunset sunset\n".utf8).write(to: file)
        #expect(throws: ModelLoadingError.self, "a word the model knows needs no synonym") {
            try WordMapper(known: ["sunset"], synonymsFile: file)
        }
    }
}
