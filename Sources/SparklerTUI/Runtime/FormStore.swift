import Foundation

/// Keeps the playground's form between sessions: `$XDG_STATE_HOME/sparkler/form.json`,
/// written atomically so a crash never leaves half a file.
public struct FormStore: Sendable {
    public let file: URL

    public init(directory: URL) {
        file = directory.appendingPathComponent("form.json")
    }

    /// The saved form, or nil when there is none or it cannot be read (a fresh form is used then).
    public func load() -> FormState? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(FormState.self, from: data)
    }

    public func save(_ form: FormState) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(form).write(to: file, options: .atomic)
    }
}
