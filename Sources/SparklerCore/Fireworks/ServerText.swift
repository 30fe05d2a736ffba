import Foundation

/// Makes text from outside (server messages, error details) safe to show: no control characters,
/// no runs of whitespace, bounded length, and never the API key.
struct ServerText: Sendable {
    static let maxLength = 500

    private let secret: String

    init(redacting secret: String) {
        self.secret = secret
    }

    func clean(_ text: String) -> String {
        Self.clean(text, redacting: secret)
    }

    static func clean(_ text: String, redacting secret: String = "") -> String {
        var text = text
        // Short keys would redact ordinary words; real Fireworks keys are far longer than 8 characters.
        if secret.count >= 8 {
            text = text.replacingOccurrences(of: secret, with: "[redacted]")
        }
        let collapsed = DisplayText.clean(text)
        return collapsed.count > maxLength ? String(collapsed.prefix(maxLength)) + "…" : collapsed
    }
}
