import Foundation

/// A file part of a multipart body.
public struct MultipartFile: Sendable, Equatable {
    public var fileName: String?
    public var contentType: String?
    public var data: Data

    public init(fileName: String?, contentType: String?, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }
}

/// Parses `multipart/form-data` (RFC 7578) strictly enough to catch a malformed client body: what
/// `sparkler serve` and the Fireworks test server read uploads with.
public enum MultipartParser {
    public struct Parsed: Sendable {
        public var fields: [String: String] = [:]
        public var files: [String: MultipartFile] = [:]
    }

    public enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self {
            case .malformed(let detail): "malformed multipart body: \(detail)"
            }
        }
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    public static func boundary(in contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = part.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    public static func parse(_ body: Data, boundary: String) throws -> Parsed {
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard let first = find(delimiter, in: bytes, from: 0) else { throw Failure.malformed("no opening boundary") }

        var parsed = Parsed()
        var cursor = first + delimiter.count
        while true {
            if bytes[cursor...].starts(with: Array("--".utf8)) { return parsed }
            guard bytes[cursor...].starts(with: Array("\r\n".utf8)) else {
                throw Failure.malformed("boundary not followed by CRLF")
            }
            cursor += 2
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: cursor) else {
                throw Failure.malformed("part headers never end")
            }
            let headers = String(decoding: bytes[cursor..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = find(separator, in: bytes, from: contentStart) else {
                throw Failure.malformed("no closing boundary")
            }
            try add(headers: headers, content: Data(bytes[contentStart..<contentEnd]), to: &parsed)
            cursor = contentEnd + separator.count
            guard cursor + 2 <= bytes.count else { throw Failure.malformed("body ends inside a boundary") }
        }
    }

    private static func add(headers: String, content: Data, to parsed: inout Parsed) throws {
        var disposition: String?
        var contentType: String?
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed("bad part header \(line)") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" { disposition = value }
            if name == "content-type" { contentType = value }
        }
        guard let disposition, disposition.lowercased().hasPrefix("form-data"),
              let name = parameter("name", in: disposition)
        else { throw Failure.malformed("part without Content-Disposition: form-data; name=...") }
        if let fileName = parameter("filename", in: disposition) {
            parsed.files[name] = MultipartFile(fileName: fileName, contentType: contentType, data: content)
        } else {
            parsed.fields[name] = String(decoding: content, as: UTF8.self)
        }
    }

    private static func parameter(_ name: String, in disposition: String) -> String? {
        for part in disposition.split(separator: ";").dropFirst() {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(name + "=") else { continue }
            var value = pair.dropFirst(name.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = value.dropFirst().dropLast()
            }
            return String(value)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let firstByte = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == firstByte, haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
