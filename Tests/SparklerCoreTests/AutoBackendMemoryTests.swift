import Foundation
import Testing
@testable import SparklerCore

@Suite struct AutoBackendMemoryTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-state-\(UUID().uuidString)")
    }

    @Test func theOfflineEngineIsNewsOnceAndAgainAfterFireworks() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = AutoBackendMemory(stateDirectory: folder)
        #expect(memory.note(.local), "the first time")
        #expect(!memory.note(.local), "every later command")
        #expect(!AutoBackendMemory(stateDirectory: folder).note(.local), "a new process remembers")
        #expect(memory.note(.fireworks))
        #expect(memory.note(.local), "the key has gone missing since")
        #expect(try String(contentsOf: memory.file, encoding: .utf8) == "local\n")
    }

    @Test func aStateFolderThatCannotBeWrittenSaysItEveryTime() throws {
        let blocker = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: blocker) }
        try Data("a file where the folder should be".utf8).write(to: blocker)
        let memory = AutoBackendMemory(stateDirectory: blocker.appendingPathComponent("sparkler"))
        #expect(memory.note(.local))
        #expect(memory.note(.local))
    }

    @Test func anUnreadableMemoryCountsAsNone() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = AutoBackendMemory(stateDirectory: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("something else".utf8).write(to: memory.file)
        #expect(memory.note(.local))
        #expect(!memory.note(.local))
    }
}
