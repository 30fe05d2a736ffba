import Foundation
import SparklerCore

/// The result of encoding a prompt: exactly `maxLength` ids, plus the words the model cannot use.
public struct EncodedPrompt: Sendable, Equatable {
    /// Token ids, padded with the pad id to the tokenizer's max length.
    public let ids: [Int32]
    /// Words not in the vocabulary (encoded as the unk id), in prompt order.
    public let unknown: [String]
    /// Words past the max length, dropped.
    public let truncated: [String]
    /// Unknown words read as known ones they are close to (`WordMapper`), in prompt order.
    public let mapped: [WordMapping]

    public init(ids: [Int32], unknown: [String], truncated: [String], mapped: [WordMapping] = []) {
        self.ids = ids
        self.unknown = unknown
        self.truncated = truncated
        self.mapped = mapped
    }
}

public enum WordTokenizerError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let what): "tokenizer.json is invalid: \(what)"
        }
    }
}

/// The word-level tokenizer of training/tokenizer.py: lowercase, split on `[^a-z]+`, look each word up
/// (unknown words become the unk id and are reported), truncate to `maxLength` words (the rest are
/// reported), pad with the pad id.
public struct WordTokenizer: Sendable {
    public let vocabulary: [String]
    public let maxLength: Int
    public let padID: Int32
    public let unkID: Int32
    /// Reads unknown words close to known ones as those (nil: every unknown word is `unkID`, as in training).
    public var mapper: WordMapper?
    private let index: [String: Int32]

    public init(vocabulary: [String], maxLength: Int, padID: Int32 = 0, unkID: Int32 = 1) throws {
        guard maxLength > 0 else { throw WordTokenizerError.invalid("max_length \(maxLength)") }
        guard vocabulary.indices.contains(Int(padID)), vocabulary.indices.contains(Int(unkID)) else {
            throw WordTokenizerError.invalid("pad or unk id outside the vocabulary")
        }
        self.vocabulary = vocabulary
        self.maxLength = maxLength
        self.padID = padID
        self.unkID = unkID
        var index: [String: Int32] = [:]
        // Like Python's dict comprehension, a repeated word maps to its last id.
        for (i, word) in vocabulary.enumerated() { index[word] = Int32(i) }
        self.index = index
    }

    public init(contentsOf url: URL) throws {
        try self.init(json: Data(contentsOf: url))
    }

    public init(json: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw WordTokenizerError.invalid("not a JSON object")
        }
        guard let vocab = object["vocab"] as? [String] else { throw WordTokenizerError.invalid("no vocab list") }
        guard let maxLength = (object["max_length"] as? NSNumber)?.intValue else {
            throw WordTokenizerError.invalid("no max_length")
        }
        if let type = object["type"] as? String, type != "word-level" {
            throw WordTokenizerError.invalid("type \(type), expected word-level")
        }
        if let pattern = object["split_regex"] as? String, pattern != "[^a-z]+" {
            throw WordTokenizerError.invalid("split_regex \(pattern), expected [^a-z]+")
        }
        let pad = (object["pad_id"] as? NSNumber)?.int32Value ?? 0
        let unk = (object["unk_id"] as? NSNumber)?.int32Value ?? 1
        try self.init(vocabulary: vocab, maxLength: maxLength, padID: pad, unkID: unk)
    }

    /// The words of `text`: lowercased, split on every run of characters outside a-z.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar >= "a" && scalar <= "z" {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    public func contains(_ word: String) -> Bool { index[word] != nil }

    public func encode(_ text: String) -> EncodedPrompt {
        let words = Self.words(text)
        let kept = words.prefix(maxLength)
        let truncated = Array(words.dropFirst(maxLength))
        var ids: [Int32] = []
        var unknown: [String] = []
        var mapped: [WordMapping] = []
        for word in kept {
            if let id = index[word] {
                ids.append(id)
            } else if let mapping = mapper?.map(word), let id = index[mapping.to] {
                ids.append(id)
                mapped.append(mapping)
            } else {
                ids.append(unkID)
                unknown.append(word)
            }
        }
        ids += Array(repeating: padID, count: maxLength - ids.count)
        return EncodedPrompt(ids: ids, unknown: unknown, truncated: truncated, mapped: mapped)
    }

    /// The unconditional caption: all pad ids.
    public var emptyCaption: [Int32] { Array(repeating: padID, count: maxLength) }
}
