import Foundation
import Testing
@testable import SparklerCore

@Suite struct HistoryImportTests {
    @Test func anExportedPictureImportsWithItsParameters() throws {
        let source = try TemporaryHistory()
        let request = GenerationRequest(
            prompt: "a koi pond", negativePrompt: "people", shape: .size(ImageSize(width: 1152, height: 896)),
            cfgScale: 6.5, steps: 25, seed: 0, sampler: .dpmpp2M, samples: 1, format: .png,
            stylePreset: "anime", loraAdapterName: "koi"
        )
        let original = try source.store.record(
            request: request, backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture(seed: 31337)])
        )[0]
        let exported = try #require(source.store.imageURL(for: original))

        let destination = try TemporaryHistory()
        let imported = try destination.store.importImage(at: exported)
        #expect(imported.backend == "local")
        #expect(imported.prompt == "a koi pond")
        #expect(imported.negativePrompt == "people")
        #expect(imported.seed == 31337)
        #expect(imported.imageHash == original.imageHash)
        #expect(imported.imageSize == ImageSize(width: 2, height: 2))
        #expect(imported.outcome == .success)
        #expect(try destination.store.imageData(for: imported) == (try Data(contentsOf: exported)))

        var expected = request
        expected.seed = 31337
        // The size asked for travels in the file (version 2), apart from the picture's own 2x2.
        #expect(try destination.store.request(for: imported) == expected)
    }

    @Test func aJPEGImportsToo() throws {
        let source = try TemporaryHistory()
        let picture = GeneratedImage(
            data: HistoryFixtures.jpeg, format: .jpeg, size: ImageSize(width: 1, height: 1), seed: 8, finishReason: .success
        )
        let original = try source.store.record(
            request: HistoryFixtures.request(format: .jpeg), backend: "fireworks", result: HistoryFixtures.result([picture])
        )[0]
        let imported = try source.store.importImage(at: try #require(source.store.imageURL(for: original)))
        #expect(imported.imageFormat == .jpeg)
        #expect(imported.imageHash == original.imageHash)
        #expect(imported.id == original.id, "the same picture is not added twice")
        #expect(try source.store.count() == 1)
        #expect(source.storedImagePaths().count == 1)
    }

    @Test func aFileWithoutSparklerMetadataIsNamedInTheError() throws {
        let history = try TemporaryHistory()
        let plain = history.directory.appending(path: "plain.png")
        try HistoryFixtures.png().write(to: plain)
        #expect(throws: HistoryError.noProvenance(path: plain.path)) { try history.store.importImage(at: plain) }
        do {
            _ = try history.store.importImage(at: plain)
        } catch {
            #expect("\(error)".contains("plain.png"))
        }

        let text = history.directory.appending(path: "notes.txt")
        try Data("hello".utf8).write(to: text)
        #expect(throws: HistoryError.unreadableImport(path: text.path, reason: ImageMetadataError.unknownFormat.description)) {
            try history.store.importImage(at: text)
        }
        let missing = history.directory.appending(path: "missing.png")
        #expect(throws: HistoryError.self) { try history.store.importImage(at: missing) }
        #expect(try history.store.count() == 0)
    }
}
