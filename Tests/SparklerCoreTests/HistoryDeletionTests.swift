import Foundation
import GRDB
import Testing
@testable import SparklerCore

@Suite struct HistoryDeletionTests {
    @Test func deletingRemovesTheFileOnlyWhenNoOtherEntryUsesIt() throws {
        let history = try TemporaryHistory()
        let request = HistoryFixtures.request(seed: 42)
        let createdAt = Date(timeIntervalSince1970: 1_750_000_000)
        let shared = try (0..<2).map { _ in
            try history.store.record(
                request: request, backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture()]),
                createdAt: createdAt
            )[0]
        }
        let other = try history.store.record(
            request: HistoryFixtures.request(prompt: "an owl"), backend: "fireworks",
            result: HistoryFixtures.result([HistoryFixtures.picture(gray: 3)])
        )[0]
        #expect(history.storedImagePaths().count == 2)
        let sharedURL = try #require(history.store.imageURL(for: shared[0]))
        let firstID = try #require(shared[0].id)

        try history.store.delete(id: firstID)
        #expect(FileManager.default.fileExists(atPath: sharedURL.path))
        #expect(try history.store.imageData(for: shared[1]) != nil)

        try history.store.delete(id: try #require(shared[1].id))
        #expect(!FileManager.default.fileExists(atPath: sharedURL.path))
        #expect(history.storedImagePaths().count == 1)
        #expect(try history.store.entries().map(\.id) == [other.id])
        #expect(throws: HistoryError.entryNotFound(id: firstID)) { try history.store.delete(id: firstID) }
    }

    @Test func anInputImageStaysWhileAnotherEntryUsesIt() throws {
        let history = try TemporaryHistory()
        let input = InputImage(data: HistoryFixtures.jpeg, fileName: "photo.jpg")
        let entries = try (1...2).map { seed in
            try history.store.record(
                request: HistoryFixtures.request(seed: seed, mode: .imageToImage(InitImage(image: input, schedule: .imageStrength(0.4)))),
                backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(seed), seed: seed)])
            )[0]
        }
        let inputFiles = { history.storedImagePaths().filter { $0.hasSuffix(".jpg") } }
        #expect(inputFiles().count == 1)
        try history.store.delete(id: try #require(entries[0].id))
        #expect(inputFiles().count == 1)
        #expect(try history.store.request(for: entries[1]).mode.kind == .imageToImage)
        try history.store.delete(id: try #require(entries[1].id))
        #expect(history.storedImagePaths().isEmpty)
    }

    @Test func deletedEntriesLeaveTheSearchIndex() throws {
        let history = try TemporaryHistory()
        let entry = try history.store.record(
            request: HistoryFixtures.request(prompt: "a unicorn"), backend: "fireworks",
            result: HistoryFixtures.result([HistoryFixtures.picture()])
        )[0]
        #expect(try history.store.count(HistoryQuery(search: "unicorn")) == 1)
        try history.store.delete(id: try #require(entry.id))
        #expect(try history.store.count(HistoryQuery(search: "unicorn")) == 0)
        let indexed = try history.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM historyEntry_ft WHERE historyEntry_ft MATCH 'unicorn'")
        }
        #expect(indexed == 0)
        #expect(try history.integrityCheck() == "ok")
    }
}
