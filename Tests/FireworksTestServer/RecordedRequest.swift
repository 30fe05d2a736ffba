import Foundation
import SparklerCore

/// A request as the test server received it, for assertions.
public struct RecordedRequest: Sendable {
    public var method: String
    /// The path and query as sent, e.g. `/inference/v1/image_generation/accounts/fireworks/models/m`.
    public var uri: String
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Every scalar parameter as text, from the JSON body (`7`, `0.65`, `true`) or the multipart form fields.
    public var fields: [String: String]
    /// The JSON body's values, typed, when the body was a JSON object.
    public var json: [String: JSONValue]?
    /// Multipart file parts by field name.
    public var files: [String: RecordedFile]
    /// Why the body could not be parsed as its content type claims, if it could not.
    public var bodyProblem: String?

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var path: String {
        String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

/// A multipart file part.
public typealias RecordedFile = MultipartFile

/// A JSON value, typed, so tests can tell `7` from `"7"`.
public enum JSONValue: Sendable, Equatable, Decodable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The scalar as a form field would spell it; nil for arrays, objects and null.
    public var formText: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}
