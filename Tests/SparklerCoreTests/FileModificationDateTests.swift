import Foundation
import Testing
@testable import SparklerCore

@Suite struct FileModificationDateTests {
    @Test func itIsTheTimeTheFileWasLastWritten() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "sparkler-mtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("x".utf8).write(to: url)
        let written = Date(timeIntervalSince1970: 1_796_658_389.25)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)
        let read = try #require(FileModificationDate.of(url.path))
        #expect(abs(read.timeIntervalSince(written)) < 0.001)
    }

    @Test func aMissingFileHasNone() {
        #expect(FileModificationDate.of("/nonexistent/sparkler-\(UUID().uuidString)") == nil)
    }
}
