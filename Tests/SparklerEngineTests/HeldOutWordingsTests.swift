import Foundation
import SparklerAdherence
import Testing

/// The held-out wording check's file (issue #17): large enough, every line's facts readable by the checker,
/// every kind of scene the engine draws asked for, and kept out of training.
@Suite struct HeldOutWordingsTests {
    @Test func theFileHoldsAtLeastAHundredPromptsWithFactsOfEveryKind() throws {
        let wordings = try HeldOutWordings()
        #expect(wordings.prompts.count >= 100)
        #expect(Set(wordings.prompts.map(\.kind)) == ["shape", "ocean", "mountains", "hills", "forest", "sky"])
        #expect(Set(wordings.prompts.map(\.text)).count == wordings.prompts.count, "each prompt once")
    }

    @Test func aBrokenLineIsNamedByFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wordings-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# comment\na red ball\ta red circle\na blue sky\tsomething blue\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: HeldOutWordings.FormatError.self) { try HeldOutWordings(contentsOf: file) }
        do {
            _ = try HeldOutWordings(contentsOf: file)
        } catch let error as HeldOutWordings.FormatError {
            #expect(error.description.hasPrefix("\(file.path):3:"), "\(error)")
        }
    }

    @Test func trainingNeverReadsIt() throws {
        let training = HeldOutWordings.file.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("training")
        let scripts = try FileManager.default.contentsOfDirectory(at: training, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "py" }
        #expect(!scripts.isEmpty)
        for script in scripts {
            #expect(!(try String(contentsOf: script, encoding: .utf8)).contains("HeldOutWordings"), "\(script.lastPathComponent)")
        }
    }
}
