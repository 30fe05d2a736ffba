/// Turns whatever a user types into a search box into an FTS5 query that cannot fail to parse.
///
/// Every word becomes a quoted string (a `"` inside is doubled), so `AND`, `NEAR(`, `*`, `^`, `-` or
/// `prompt:` are searched as text, never read as query syntax. All words must match; the last one
/// also matches as a prefix while it is still being typed.
enum FullTextQuery {
    /// nil when the text holds no letter or digit to search for.
    static func pattern(for text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace).filter { word in
            word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        guard !words.isEmpty else { return nil }
        let stillTyping = text.last.map { !$0.isWhitespace } ?? false
        return words.enumerated().map { index, word in
            let quoted = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return index == words.count - 1 && stillTyping ? quoted + "*" : quoted
        }.joined(separator: " ")
    }
}
