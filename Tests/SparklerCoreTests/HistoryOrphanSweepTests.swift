import Foundation
import Testing
@testable import SparklerCore

/// Pictures left behind by a process killed between storing them and committing their rows are swept;
/// pictures that rows name, fresh files a writer may still commit, and files of other names stay.
@Suite struct HistoryOrphanSweepTests {
    private let twoHoursAgo = Date().addingTimeInterval(-2 * 60 * 60)

    /// A picture stored as a writer stores it, with no row naming it, last written at `modified`.
    private func orphan(in history: TemporaryHistory, gray: UInt8, modified: Date) throws -> String {
        let data = HistoryFixtures.png(gray: gray)
        let file = StoredImageFile(contents: data, fileExtension: "png")
        let url = history.directory.appending(path: "images").appending(path: file.relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        return file.relativePath
    }

    private func age(_ relativePath: String, in history: TemporaryHistory, to date: Date) throws {
        let url = history.directory.appending(path: "images").appending(path: relativePath)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    @Test func onlyOldPicturesNoRowNamesAreSwept() throws {
        let history = try TemporaryHistory()
        let input = InputImage(data: HistoryFixtures.png(gray: 3), fileName: "start.png")
        try history.store.record(
            request: HistoryFixtures.request(mode: .imageToImage(InitImage(image: input, schedule: .imageStrength(0.5)))),
            backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture(gray: 1)]))
        let referenced = history.storedImagePaths()
        #expect(referenced.count == 2, "the picture and its input image")
        for path in referenced { try age(path, in: history, to: twoHoursAgo) }
        let old = try orphan(in: history, gray: 20, modified: twoHoursAgo)
        let fresh = try orphan(in: history, gray: 21, modified: Date())
        let foreign = history.directory.appending(path: "images/notes.txt")
        try Data("mine".utf8).write(to: foreign)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: foreign.path)

        let swept = try history.store.sweepOrphanedPictures()

        #expect(swept == [history.directory.appending(path: "images").appending(path: old).path])
        #expect(history.storedImagePaths() == (referenced + [fresh, "notes.txt"]).sorted())
    }

    @Test func openingSweepsAtMostOnceADay() throws {
        let history = try TemporaryHistory()
        let marker = history.directory.appending(path: "orphan-sweep")
        #expect(FileManager.default.fileExists(atPath: marker.path), "the first opening swept")

        let first = try orphan(in: history, gray: 30, modified: twoHoursAgo)
        _ = try history.openAnother()
        #expect(history.storedImagePaths() == [first], "swept less than a day ago: not again")

        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-25 * 60 * 60)], ofItemAtPath: marker.path)
        _ = try history.openAnother()
        #expect(history.storedImagePaths().isEmpty)
        let markedAt = try #require(try FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date)
        #expect(Date().timeIntervalSince(markedAt) < 60 * 60, "the sweep is remembered")
    }

    @Test func storedNamesAreRecognisedAndOthersAreNot() {
        let hash = StoredImageFile.sha256Hex(Data("x".utf8))
        #expect(StoredImageFile(relativePath: "\(hash.prefix(2))/\(hash).png") == StoredImageFile(hash: hash, fileExtension: "png"))
        #expect(StoredImageFile(relativePath: "zz/\(hash).png") == nil, "the wrong shard")
        #expect(StoredImageFile(relativePath: "\(hash.prefix(2))/\(hash.uppercased()).png") == nil)
        #expect(StoredImageFile(relativePath: "\(hash.prefix(2))/\(hash)") == nil)
        #expect(StoredImageFile(relativePath: "\(hash.prefix(2))/\(hash).tar.gz") == nil)
        #expect(StoredImageFile(relativePath: "tmp/123-abc.part") == nil)
    }
}
