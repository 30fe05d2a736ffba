import Foundation
import GRDB
import Testing
@testable import SparklerCore

/// A history written by the release before requests became documents (schema v1: one column per parameter),
/// made by that release's `sparkler generate` (offline, and against the Fireworks stub for ControlNet, FLUX,
/// a safety check and a refused key): opening it migrates every row and loses nothing.
@Suite struct HistoryUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/history-v1.sqlite")
    static let tiny = "accounts/sparkler/models/sparkler-tiny"
    static let playground = "accounts/fireworks/models/playground-v2-1024px-aesthetic"
    static let start = InputImage(data: Data(), fileName: "start.png")

    /// What each of the nine rows asked for, as the v1 columns spelled it out; rows 2 and 3 are one request's
    /// two pictures.
    static let requests: [Int64: GenerationRequest] = {
        var requests = asked
        requests[3] = requests[2]
        return requests
    }()

    private static let asked: [Int64: GenerationRequest] = [
        1: GenerationRequest(
            model: tiny, prompt: "a red circle on a blue background", negativePrompt: "green",
            shape: .size(ImageSize(width: 256, height: 256)), cfgScale: 4.5, steps: 3, seed: 11, sampler: .ddim, format: .png),
        2: GenerationRequest(
            model: tiny, prompt: "a yellow square", shape: .size(ImageSize(width: 512, height: 512)), cfgScale: 3, steps: 2,
            seed: 12, sampler: .ddim, samples: 2, format: .jpeg, jpegQuality: 80),
        4: GenerationRequest(
            model: tiny, prompt: "a red circle, brighter", shape: .size(ImageSize(width: 256, height: 256)), cfgScale: 3, steps: 4,
            seed: 21, sampler: .ddim, mode: .imageToImage(InitImage(image: start, schedule: .imageStrength(0.4)))),
        5: GenerationRequest(
            model: tiny, prompt: "a red circle, scheduled", shape: .size(ImageSize(width: 256, height: 256)), cfgScale: 3,
            steps: 4, seed: 22, sampler: .ddim, mode: .imageToImage(InitImage(image: start, schedule: .stepSchedule(start: 0.2, end: 0.8)))),
        6: GenerationRequest(
            model: playground, prompt: "a lighthouse at dusk", shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: 7,
            steps: 20, seed: 31, sampler: .dpmpp2M, format: .png,
            mode: .controlNet(ControlNetSettings(image: start, netName: "canny", conditioningScale: 0.7))),
        7: GenerationRequest(
            model: "accounts/fireworks/models/flux-1-dev-fp8", prompt: "a mountain lake", shape: .aspectRatio("16:9"),
            cfgScale: 3.5, steps: 28, seed: 32),
        8: GenerationRequest(
            model: playground, prompt: "a fox", shape: .size(ImageSize(width: 1152, height: 896)), cfgScale: 3, steps: 30,
            seed: 33, safetyCheck: true),
        9: GenerationRequest(
            model: playground, prompt: "refused", shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: 3, steps: 30, seed: 34),
    ]

    @Test func everyRowOfAV1HistoryKeepsItsWholeRequest() throws {
        let history = try TemporaryHistory(copying: Self.fixture)
        let entries = try history.store.entries(HistoryQuery(limit: 100)).reversed()
        #expect(entries.map(\.id) == Array(1...9))
        for entry in entries {
            let expected = try #require(Self.requests[entry.id ?? 0], "row \(entry.id ?? 0)")
            #expect(entry.request == expected, "row \(entry.id ?? 0)")
            #expect(entry.requestVersion == 1)
            #expect(entry.prompt == expected.prompt && entry.negativePrompt == expected.negativePrompt)
        }
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id ?? 0, $0) })
        #expect(entries.map(\.seed) == [11, 12, 13, 21, 22, 31, 32, 33, nil])
        #expect(byID[6]?.isFavourite == true && byID[6]?.stepsBilled == 20 && byID[6]?.backend == "fireworks")
        #expect(byID[6]?.inputImageHash == "693a2eddc3ecb4a374a4e680069cfa1a65fdf56ab96ee07175f3ca4a0ec691d4")
        #expect(byID[7]?.imageSize == ImageSize(width: 1360, height: 768))
        #expect(byID[9]?.outcome == .failed && byID[9]?.errorMessage?.contains("HTTP 401") == true)
        #expect(byID[2]?.groupID == byID[3]?.groupID)
        // The second picture of a two-sample request runs again alone, at its own seed.
        let again = try #require(byID[3]).request(inputImage: nil, reusingSeed: true)
        #expect(again.seed == 13 && again.samples == 1)
    }

    @Test func theUpgradedDatabaseIsSoundSearchableAndHasOnlyTheNewColumns() throws {
        let history = try TemporaryHistory(copying: Self.fixture)
        #expect(try history.integrityCheck() == "ok")
        #expect(try history.store.entries(HistoryQuery(search: "lighthouse")).map(\.id) == [6])
        #expect(try history.store.count(HistoryQuery(favouritesOnly: true)) == 1)
        #expect(try history.store.count(HistoryQuery(failuresOnly: true)) == 1)
        let (migrations, columns) = try history.store.database.read { db in
            (try HistoryMigrations.migrator.appliedMigrations(db), try db.columns(in: "historyEntry").map(\.name))
        }
        #expect(migrations == ["v1", "v2", "v3", "v4"])
        #expect(columns.contains("request") && columns.contains("prompt"))
        #expect(!columns.contains("cfgScale") && !columns.contains("requestedSeed") && !columns.contains("controlNetName"))
        // New rows go in beside the migrated ones and are found the same way.
        try history.store.record(request: HistoryFixtures.request(prompt: "a lighthouse in fog"), backend: "fireworks",
                                 result: HistoryFixtures.result([HistoryFixtures.picture()]))
        #expect(try history.store.entries(HistoryQuery(search: "lighthouse")).count == 2)
    }

    /// Pictures that release wrote carry version-1 provenance (one key per parameter): they still import,
    /// with the request that made them, asking for their own seed.
    @Test(arguments: [("v1-controlnet.png", Int64(6)), ("v1-image-strength.jpg", 4), ("v1-step-schedule.jpg", 5)])
    func picturesExportedByV1ImportWithTheirRequest(file: String, row: Int64) throws {
        let url = Self.fixture.deletingLastPathComponent().appending(path: file)
        let provenance = try #require(try ImageProvenance.read(from: Data(contentsOf: url)))
        #expect(provenance.version == 2, "read as the current version")
        var expected = try #require(Self.requests[row])
        // Version 1 named the input image by its hash in the history that made the picture.
        let hash = "693a2eddc3ecb4a374a4e680069cfa1a65fdf56ab96ee07175f3ca4a0ec691d4"
        expected.mode = expected.mode.replacingImage(with: InputImage(data: Data(), fileName: "\(hash).png"))
        // It kept the picture's size, not the one asked for: the Fireworks stub answers 256x256.
        expected.shape = provenance.size.map(ImageShape.size)
        #expect(provenance.size == ImageSize(width: 256, height: 256))
        #expect(provenance.request == expected)
        #expect(provenance.inputImageHash == hash && provenance.seed == expected.seed)

        let history = try TemporaryHistory()
        let imported = try history.store.importImage(at: url)
        #expect(imported.request == expected)
        #expect(imported.backend == (row == 6 ? "fireworks" : "local"))
    }
}
