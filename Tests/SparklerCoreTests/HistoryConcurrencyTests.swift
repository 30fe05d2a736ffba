import Foundation
import Testing
@testable import SparklerCore

@Suite struct HistoryConcurrencyTests {
    @Test func twoStoresOnOneFileWriteAtOnceWithoutLockErrors() async throws {
        let history = try TemporaryHistory()
        let stores = [history.store, try history.openAnother()]
        let writers = ["alpha", "beta"]
        let perStore = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (storeIndex, store) in stores.enumerated() {
                group.addTask {
                    for index in 0..<perStore {
                        let seed = storeIndex * perStore + index + 1
                        try store.record(
                            request: HistoryFixtures.request(prompt: "writer \(writers[storeIndex]) picture \(index)", seed: seed),
                            backend: "fireworks",
                            result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(seed % 256), seed: seed)])
                        )
                        if index % 4 == 0 { _ = try store.entries(HistoryQuery(search: "writer", limit: 5)) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try history.store.count() == 2 * perStore)
        #expect(try stores[1].count(HistoryQuery(search: "writer beta")) == perStore)
        #expect(history.storedImagePaths().count == 2 * perStore)
        #expect(history.temporaryFileNames().isEmpty)
        #expect(try history.integrityCheck() == "ok")
    }

    @Test func twoStoresOpeningAFreshDirectoryAtOnceBothMigrate() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sparkler-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 {
                group.addTask { try HistoryStore(directory: directory, appVersion: "test").count() }
            }
            for try await count in group { #expect(count == 0) }
        }
    }
}
