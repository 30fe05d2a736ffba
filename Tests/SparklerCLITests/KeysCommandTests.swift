import Foundation
import Testing

/// `sparkler keys` prints the playground's keymap, and the README's key table is that keymap.
@Suite struct KeysCommandTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theReadmesKeyTableIsTheKeymap() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let outcome = try await cli.run(["keys", "--markdown"])
        #expect(outcome.status == 0)
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- keys: generated"))
        let end = try #require(readme.range(of: "<!-- keys: end -->"))
        let table = readme[begin.upperBound..<end.lowerBound].split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(table == outcome.stdout.trimmingCharacters(in: .newlines), "README.md's key table is stale: run `make readme-keys`")
        #expect(table.split(separator: "\n").count == 21, "a header, its rule and nineteen keys")
    }

    @Test func withoutMarkdownTheKeysAreTheHelpScreensLines() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let outcome = try await cli.run(["keys"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 19)
        #expect(lines.first?.hasPrefix("Tab / Shift-Tab") == true && lines.first?.hasSuffix("move between fields") == true)
    }
}
