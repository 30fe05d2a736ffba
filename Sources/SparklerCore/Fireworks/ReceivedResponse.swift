import Foundation

/// A complete HTTP answer, read to its last byte.
struct ReceivedResponse: Sendable {
    var status: Int
    /// The standard reason phrase for `status`.
    var reason: String
    /// Keyed by lower-cased name; repeated headers joined with ", ".
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The media type without parameters, lower-cased: `image/jpeg`, `application/json`.
    var mediaType: String? {
        header("content-type")?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
