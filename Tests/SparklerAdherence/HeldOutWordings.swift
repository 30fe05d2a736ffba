import Foundation

/// Issue #17's held-out wording check: prompts written the way people type them, independently of the
/// caption generator (training never reads the file), each with the facts a picture of it must show, in
/// the adherence checker's caption language. `engine-bench wording` scores the model on them.
public struct HeldOutWordings: Sendable {
    public struct Prompt: Sendable {
        public let text: String
        public let facts: SceneCaption
        /// "shape" or the landscape's ground ("ocean"), or "sky" for a landscape with a time of day only.
        public var kind: String {
            switch facts {
            case .shape: "shape"
            case .landscape(let landscape): landscape.ground?.rawValue ?? "sky"
            }
        }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Tests/Fixtures/HeldOutWordings/prompts.tsv in this source tree.
    public static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/HeldOutWordings/prompts.tsv")

    public let prompts: [Prompt]

    /// Lines of `prompt<TAB>facts`; `#` starts a comment line. A line that is not two fields, or whose facts
    /// the checker cannot read, is an error naming the file and the line.
    public init(contentsOf url: URL = Self.file) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var prompts: [Prompt] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let place = "\(url.path):\(index + 1)"
            guard fields.count == 2, !fields[0].isEmpty else {
                throw FormatError(description: "\(place): expected `prompt<TAB>facts`, found \(fields.count) fields")
            }
            guard let facts = SceneCaption(parsing: String(fields[1])) else {
                throw FormatError(description: "\(place): the facts \"\(fields[1])\" name no shape, time of day or ground")
            }
            prompts.append(Prompt(text: String(fields[0]), facts: facts))
        }
        self.prompts = prompts
    }
}
