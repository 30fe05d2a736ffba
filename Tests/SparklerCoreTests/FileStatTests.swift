import Foundation
import Testing
@testable import SparklerCore

@Suite struct FileStatTests {
    @Test func itIsTheFilesSizeAndTheTimeItWasLastWritten() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "sparkler-stat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("twelve bytes".utf8).write(to: url)
        let written = Date(timeIntervalSince1970: 1_796_658_389.25)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)
        let read = try #require(FileStat.modificationDate(of: url.path))
        #expect(abs(read.timeIntervalSince(written)) < 0.001)
        #expect(FileStat.size(of: url.path) == 12)
    }

    @Test func aMissingFileHasNone() {
        let path = "/nonexistent/sparkler-\(UUID().uuidString)"
        #expect(FileStat.modificationDate(of: path) == nil)
        #expect(FileStat.size(of: path) == nil)
    }
}
