import Foundation
import Testing
@testable import SparklerCore

/// Pictures that history could not record are kept in the first folder that takes them, parameters embedded.
@Suite struct PictureRecoveryTests {
    @Test func aFolderThatCannotBeMadeGivesWayToTheNext() throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "sparkler-recovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A folder inside a regular file cannot be made, not even by root.
        let plainFile = scratch.appending(path: "history-is-a-file")
        try Data("x".utf8).write(to: plainFile)
        let fallback = scratch.appending(path: "fallback")
        let recovery = PictureRecovery(directories: [plainFile.appending(path: "recovered"), fallback], appVersion: "test")

        let result = HistoryFixtures.result([
            HistoryFixtures.picture(seed: 5), HistoryFixtures.picture(seed: 6, finishReason: .contentFiltered),
            HistoryFixtures.picture(gray: 10, seed: 5),
        ])
        let createdAt = Date(timeIntervalSince1970: 1_800_000_000)
        let pictures = Self.made(result, createdAt: createdAt).pictures
        let files = try recovery.save(pictures, createdAt: createdAt)

        #expect(files.map(\.lastPathComponent) == ["sparkler-20270115-080000-5.png", "sparkler-20270115-080000-5-2.png"])
        #expect(files.allSatisfy { $0.deletingLastPathComponent().path == fallback.path })
        for file in files {
            let provenance = try #require(try ImageProvenance.read(from: Data(contentsOf: file)))
            #expect(provenance.request.prompt == "a red fox in the snow")
            #expect(provenance.seed == 5)
        }
    }

    @Test func noFolderTakingThemSaysWhyForEach() throws {
        let plainFile = FileManager.default.temporaryDirectory.appending(path: "sparkler-recovery-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: plainFile)
        defer { try? FileManager.default.removeItem(at: plainFile) }
        let recovery = PictureRecovery(directories: [plainFile.appending(path: "a"), plainFile.appending(path: "b")], appVersion: "test")
        let pictures = Self.made(HistoryFixtures.result([HistoryFixtures.picture()]), createdAt: Date()).pictures

        #expect {
            try recovery.save(pictures, createdAt: Date())
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(plainFile.path)/a: Not a directory") && text.contains("\(plainFile.path)/b: Not a directory")
                && !text.contains("NSCocoaErrorDomain")
        }
    }

    @Test func thePicturesDeliveredBeforeRecordingAreHistorysOwnCopies() async throws {
        let history = try TemporaryHistory()
        let backend = FixedBackend(result: HistoryFixtures.result([
            HistoryFixtures.picture(seed: 5), HistoryFixtures.picture(seed: 6, finishReason: .contentFiltered),
            HistoryFixtures.picture(gray: 10, seed: 7),
        ]))
        let service = GenerationService(backend: backend, history: history.store)
        let made = try await service.make(HistoryFixtures.request(), model: .sparklerTiny)
        let pictures = made.pictures
        #expect(try history.store.entries(HistoryQuery()).isEmpty, "nothing is recorded before `record`")
        let entries = try service.record(made)

        #expect(pictures.map(\.index) == [0, 2], "the filtered picture has a row but no file")
        #expect(entries.map(\.outcome) == [.success, .filtered, .success])
        for picture in pictures {
            #expect(try history.store.imageData(for: entries[picture.index]) == picture.data)
        }
    }

    private static func made(_ result: GenerationResult, createdAt: Date) -> MadePictures {
        MadePictures(
            request: HistoryFixtures.request(), result: result, backend: "fireworks", cost: nil, groupID: "group",
            editing: nil, createdAt: createdAt, appVersion: "test")
    }
}

/// Answers every request with the same result.
private struct FixedBackend: ImageBackend {
    let result: GenerationResult
    var name: String { "fixed" }

    func generate(
        _ request: GenerationRequest, model: ModelCapabilities, progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        result
    }
}
