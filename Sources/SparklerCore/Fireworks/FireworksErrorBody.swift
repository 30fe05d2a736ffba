import Foundation

/// Finds the human message in an error answer, whichever shape the server chose.
enum FireworksErrorBody {
    /// `{"error": {"message": ...}}` (with or without `structured_error` beside it), `{"error": "..."}`,
    /// `{"message": ...}`, `{"detail": ...}`, the workflow API's `{"error_message": ...}`, or short plain text. HTML pages and empty bodies give nil,
    /// so the caller falls back to the status line's reason.
    static func message(in body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            return message(in: object)
        }
        guard let text = String(data: body, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty, !looksLikeMarkup(text), text.count <= 300
        else { return nil }
        return text
    }

    private static func message(in object: [String: Any]) -> String? {
        if let error = object["error"] as? [String: Any], let message = nonEmpty(error["message"]) {
            return message
        }
        if let message = nonEmpty(object["error"]) { return message }
        if let structured = object["structured_error"] as? [String: Any], let message = nonEmpty(structured["message"]) {
            return message
        }
        return nonEmpty(object["message"]) ?? nonEmpty(object["detail"]) ?? nonEmpty(object["error_message"])
    }

    private static func nonEmpty(_ value: Any?) -> String? {
        guard let text = value as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    private static func looksLikeMarkup(_ text: String) -> Bool {
        text.hasPrefix("<") || text.range(of: "<html", options: .caseInsensitive) != nil
    }
}
