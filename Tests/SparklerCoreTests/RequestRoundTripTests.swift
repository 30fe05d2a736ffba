import Foundation
import Testing
import TestSupport
@testable import SparklerCore

/// Random valid requests for every built-in model (both API families, every mode each offers) keep every
/// parameter through the places a request is stored: its JSON document, a history row in a real SQLite
/// file (input image bytes included), and the provenance embedded in the stored picture.
@Suite struct RequestRoundTripTests {
    static let count = 120

    @Test func historyGivesBackTheRequestThatWasRecorded() throws {
        let history = try TemporaryHistory()
        var random = SeededGenerator(seed: 2026)
        for index in 0..<Self.count {
            let request = try RandomRequest.make(&random)
            let document = try HistoryEntry.documentEncoder.encode(request)
            #expect(try JSONDecoder().decode(GenerationRequest.self, from: document) == request.withImageNamed,
                    "request \(index) through its JSON document")

            let picture = GeneratedImage(
                data: HistoryFixtures.png(gray: UInt8(index % 256)), format: request.format,
                size: RandomRequest.pictureSize(of: request), seed: request.seed == 0 ? 77 : request.seed, finishReason: .success)
            let entry = try #require(try history.store.record(
                request: request, backend: "fireworks", result: HistoryFixtures.result([picture])).first)
            let id = try #require(entry.id)
            let stored = try #require(try history.store.entry(id: id))
            #expect(stored.request == request.withImageNamed, "request \(index) in its history row")
            #expect(try history.store.request(for: stored, reusingSeed: false) == request,
                    "request \(index) to run again, its input image read back")

            let data = try #require(try history.store.imageData(for: stored))
            let provenance = try #require(try ImageProvenance.read(from: data))
            let imported = HistoryEntry(provenance: provenance, groupID: "import").request
            var expected = request.withImageNamed
            expected.seed = picture.seed
            expected.samples = 1
            #expect(imported == expected, "request \(index) through the picture's provenance")
        }
    }
}

extension GenerationRequest {
    /// The request as a stored document keeps it: its input image by name.
    var withImageNamed: GenerationRequest {
        var named = self
        if let image = mode.image { named.mode = mode.replacingImage(with: image.named) }
        return named
    }
}
