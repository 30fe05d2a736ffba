import Foundation

/// A `multipart/form-data` body (RFC 7578): text fields and file parts between boundaries.
struct MultipartFormData: Sendable {
    let boundary: String
    private var body = Data()

    init(boundary: String = "sparkler-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()) {
        self.boundary = boundary
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addField(name: String, value: String) {
        appendPartHeader("Content-Disposition: form-data; name=\"\(Self.escaped(name))\"")
        append(value)
        append("\r\n")
    }

    mutating func addFile(name: String, fileName: String, contentType: String, data: Data) {
        appendPartHeader(
            "Content-Disposition: form-data; name=\"\(Self.escaped(name))\"; filename=\"\(Self.escaped(fileName))\"",
            "Content-Type: \(contentType)"
        )
        body.append(data)
        append("\r\n")
    }

    /// The body with its closing boundary.
    func encoded() -> Data {
        var closed = body
        closed.append(Data("--\(boundary)--\r\n".utf8))
        return closed
    }

    private mutating func appendPartHeader(_ lines: String...) {
        append("--\(boundary)\r\n")
        for line in lines { append(line + "\r\n") }
        append("\r\n")
    }

    private mutating func append(_ text: String) { body.append(Data(text.utf8)) }

    /// Quotes, CR and LF percent-encoded, as browsers do, so a name cannot break the header.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
