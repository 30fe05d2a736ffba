import Foundation
import SparklerCore

/// Reads an unknown word as a known one when it is close enough that the user surely meant it: a listed
/// synonym, the plural or singular of a known word, or a typing slip. Conservative on purpose: a wrong
/// reading draws the wrong picture, so a slip is one small change, and only when exactly one known word is
/// that close. What counts as a slip grows with the word: two neighbours swapped from four letters (`bleu`), a letter
/// missing or added from five (`sunst`, `purplle`; at four, `read` and `hose` are words of their own), a
/// letter changed from seven (`horse` must not become `house`).
public struct WordMapper: Sendable {
    private let known: Set<String>
    private let synonyms: [String: String]

    /// `synonyms`: unknown word → the known word it means; entries whose target is unknown are dropped.
    public init(known: Set<String>, synonyms: [String: String]) {
        self.known = known
        self.synonyms = synonyms.filter { known.contains($0.value) }
    }

    /// Reads `synonyms.txt`: `word known-word` per line, `#` starts a comment. A line that is not two words
    /// is an error naming the file and line.
    public init(known: Set<String>, synonymsFile url: URL) throws {
        var synonyms: [String: String] = [:]
        guard FileManager.default.fileExists(atPath: url.path) else {
            self.init(known: known, synonyms: [:])
            return
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: \.isWhitespace).map { String($0).lowercased() }
            guard !words.isEmpty else { continue }
            guard words.count == 2, known.contains(words[1]), !known.contains(words[0]) else {
                throw ModelLoadingError.invalidConfiguration(
                    "\(url.path) line \(number + 1): expected `unknown-word known-word`, got \"\(line)\"")
            }
            synonyms[words[0]] = words[1]
        }
        self.init(known: known, synonyms: synonyms)
    }

    public func map(_ word: String) -> WordMapping? {
        if let synonym = synonyms[word] { return WordMapping(from: word, to: synonym, reason: .synonym) }
        if let form = otherForm(of: word) { return WordMapping(from: word, to: form, reason: .form) }
        if let slip = slip(in: word) { return WordMapping(from: word, to: slip, reason: .spelling) }
        return nil
    }

    /// `circles` → `circle`, `beaches` → `beach`, `mountain` → `mountains`.
    private func otherForm(of word: String) -> String? {
        let candidates = [
            word.hasSuffix("es") ? String(word.dropLast(2)) : nil,
            word.hasSuffix("s") ? String(word.dropLast()) : nil,
            word + "s", word + "es",
        ]
        return candidates.compactMap { $0 }.first { $0.count >= 3 && known.contains($0) }
    }

    private func slip(in word: String) -> String? {
        guard word.count >= 4 else { return nil }
        let typed = Array(word)
        let close = known.filter { candidate in
            let target = Array(candidate)
            return Self.isOneSlip(typed, target, allowingLength: typed.count >= 5, allowingChange: typed.count >= 7)
        }
        return close.count == 1 ? close.first : nil
    }

    /// Two neighbours swapped, or (when allowed) one letter missing or added, or one letter changed.
    static func isOneSlip(_ typed: [Character], _ target: [Character], allowingLength: Bool, allowingChange: Bool) -> Bool {
        switch typed.count - target.count {
        case 1: return allowingLength && isOneDeletion(from: typed, giving: target)
        case -1: return allowingLength && isOneDeletion(from: target, giving: typed)
        case 0:
            let differing = typed.indices.filter { typed[$0] != target[$0] }
            if differing.count == 2, differing[1] == differing[0] + 1,
               typed[differing[0]] == target[differing[1]], typed[differing[1]] == target[differing[0]] {
                return true
            }
            return allowingChange && differing.count == 1
        default: return false
        }
    }

    private static func isOneDeletion(from longer: [Character], giving shorter: [Character]) -> Bool {
        let first = zip(longer, shorter).prefix { $0 == $1 }.count
        return Array(longer[(first + 1)...]) == Array(shorter[first...])
    }
}
