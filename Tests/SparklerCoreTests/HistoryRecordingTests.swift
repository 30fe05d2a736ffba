import Foundation
import Testing
@testable import SparklerCore

@Suite struct HistoryRecordingTests {
    @Test func recordsEveryParameterAndEmbedsProvenanceInTheStoredFile() throws {
        let history = try TemporaryHistory()
        let request = HistoryFixtures.request(seed: 0, samples: 2)
        let entries = try history.store.record(
            request: request, backend: "fireworks",
            result: HistoryFixtures.result([HistoryFixtures.picture(gray: 10, seed: 7), HistoryFixtures.picture(gray: 20, seed: 8)], stepsBilled: 61),
            groupID: "compare-1"
        )
        #expect(entries.count == 2)
        let firstID = try #require(entries[0].id)
        let first = try #require(try history.store.entry(id: firstID))
        #expect(first == entries[0])
        #expect(first.backend == "fireworks")
        #expect(first.model == ModelCatalogue.defaultModelID)
        #expect(first.mode == .textToImage)
        #expect(first.prompt == "a red fox in the snow")
        #expect(first.negativePrompt == "blurry")
        #expect(first.request == request, "every parameter, as one document")
        #expect(first.request.shape == .size(ImageSize(width: 1024, height: 1024)))
        #expect(first.seed == 7)
        #expect(first.outcome == .success)
        #expect(first.totalMilliseconds == 1_250)
        #expect(first.attempts == 2)
        #expect(first.serverMilliseconds == 900)
        #expect(entries.map(\.stepsBilled) == [31, 30])
        #expect(first.imageFormat == .png)
        #expect(first.imageSize == ImageSize(width: 2, height: 2))
        #expect(first.groupID == "compare-1")
        #expect(!first.isFavourite)

        let data = try #require(try history.store.imageData(for: first))
        #expect(StoredImageFile.sha256Hex(data) == first.imageHash)
        let provenance = try #require(try ImageProvenance.read(from: data))
        #expect(provenance.seed == 7)
        #expect(provenance.request == request)
        #expect(provenance.backend == "fireworks")
        #expect(provenance.appVersion == "test")
        #expect(provenance.size == ImageSize(width: 2, height: 2))

        let hash = try #require(first.imageHash)
        let url = try #require(history.store.imageURL(for: first))
        #expect(url.path.hasSuffix("images/\(hash.prefix(2))/\(hash).png"))
        #expect(history.temporaryFileNames().isEmpty)
    }

    @Test func filteredPicturesAreRecordedWithoutAnImage() throws {
        let history = try TemporaryHistory()
        let entries = try history.store.record(
            request: HistoryFixtures.request(samples: 2), backend: "fireworks",
            result: HistoryFixtures.result([
                HistoryFixtures.picture(gray: 1, seed: 5), HistoryFixtures.picture(gray: 0, seed: 6, finishReason: .contentFiltered),
            ])
        )
        #expect(entries.map(\.outcome) == [.success, .filtered])
        #expect(entries[1].imageHash == nil)
        #expect(entries[1].seed == 6)
        #expect(try history.store.imageData(for: entries[1]) == nil)
        #expect(history.storedImagePaths().count == 1)
    }

    @Test func failuresKeepTheirParametersAndMessage() throws {
        let history = try TemporaryHistory()
        let request = HistoryFixtures.request(prompt: "a castle", seed: 77)
        let entry = try history.store.recordFailure(
            request: request, backend: "fireworks", message: "HTTP 503: overloaded",
            timings: GenerationTimings(total: .seconds(12), attempts: 4)
        )
        #expect(entry.outcome == .failed)
        #expect(entry.errorMessage == "HTTP 503: overloaded")
        #expect(entry.attempts == 4)
        #expect(entry.totalMilliseconds == 12_000)
        #expect(entry.imageHash == nil && entry.seed == nil)
        #expect(try history.store.request(for: entry) == request)
        #expect(history.storedImagePaths().isEmpty)
    }

    @Test func identicalPicturesShareOneFile() throws {
        let history = try TemporaryHistory()
        let request = HistoryFixtures.request(seed: 42)
        let createdAt = Date(timeIntervalSince1970: 1_750_000_000)
        let first = try history.store.record(
            request: request, backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture()]),
            createdAt: createdAt
        )
        let second = try history.store.record(
            request: request, backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture()]),
            createdAt: createdAt
        )
        #expect(first[0].imageHash == second[0].imageHash)
        #expect(first[0].id != second[0].id)
        #expect(history.storedImagePaths().count == 1)
    }

    @Test func groupsCollectWhatOneComparisonMade() throws {
        let history = try TemporaryHistory()
        let groupID = HistoryEntry.newGroupID()
        for seed in 1...3 {
            try history.store.record(
                request: HistoryFixtures.request(seed: seed), backend: "local",
                result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(seed), seed: seed)]), groupID: groupID
            )
        }
        try history.store.record(
            request: HistoryFixtures.request(), backend: "local", result: HistoryFixtures.result([HistoryFixtures.picture()])
        )
        let group = try history.store.group(groupID)
        #expect(group.map(\.seed) == [1, 2, 3])
        #expect(Set(group.map(\.backend)) == ["local"])
        #expect(try history.store.group("no-such-group").isEmpty)
    }

    @Test func requestsRebuildForEveryMode() throws {
        let history = try TemporaryHistory()
        let initImage = InputImage(data: HistoryFixtures.png(gray: 200), fileName: "sketch.png")
        let controlImage = InputImage(data: HistoryFixtures.jpeg, fileName: "edges.jpg")
        let requests = [
            GenerationRequest(
                model: "accounts/fireworks/models/flux-1-dev-fp8", prompt: "a tiny robot", shape: .aspectRatio("16:9"),
                cfgScale: 3.5, steps: 28, seed: 9, samples: 1, format: .jpeg, jpegQuality: 85, safetyCheck: true
            ),
            HistoryFixtures.request(seed: 5, mode: .imageToImage(InitImage(image: initImage, schedule: .imageStrength(0.35)))),
            HistoryFixtures.request(seed: 6, mode: .imageToImage(InitImage(
                image: initImage, schedule: .stepSchedule(start: 0.2, end: 0.9), cropPadding: false
            ))),
            GenerationRequest(
                prompt: "a city at night", negativePrompt: nil, shape: .size(ImageSize(width: 1152, height: 896)),
                cfgScale: 7, steps: 40, seed: 11, sampler: .eulerAncestral, samples: 1, format: .png,
                stylePreset: "cinematic", loraAdapterName: "neon", loraWeightFilename: "neon.safetensors",
                mode: .controlNet(ControlNetSettings(
                    image: controlImage, netName: "canny", conditioningScale: 0.8, stepScheduleStart: 0.1, stepScheduleEnd: 0.7
                ))
            ),
        ]
        for request in requests {
            let entry = try #require(try history.store.record(
                request: request, backend: "fireworks",
                result: HistoryFixtures.result([HistoryFixtures.picture(seed: request.seed)])
            ).first)
            #expect(try history.store.request(for: entry) == request)
            #expect(try history.store.request(for: entry, reusingSeed: false) == request)
        }
        // The init image is stored once, content-addressed, however often it is used.
        let inputFiles = history.storedImagePaths().filter { path in
            (try? Data(contentsOf: history.directory.appending(path: "images/\(path)"))) == initImage.data
        }
        #expect(inputFiles.count == 1)
    }

    @Test func runningAgainAsksForThePictureThatWasMade() throws {
        let history = try TemporaryHistory()
        let request = HistoryFixtures.request(seed: 0, samples: 4)
        let entries = try history.store.record(
            request: request, backend: "fireworks",
            result: HistoryFixtures.result((0..<4).map { HistoryFixtures.picture(gray: UInt8($0), seed: 100 + $0) })
        )
        let again = try history.store.request(for: entries[2])
        #expect(again.seed == 102)
        #expect(again.samples == 1)
        let asAsked = try history.store.request(for: entries[2], reusingSeed: false)
        #expect(asAsked == request)
    }

    @Test func billedStepsSplitSoThatRowsAddUp() {
        #expect(HistoryStore.split(10, into: 3) == [4, 3, 3])
        #expect(HistoryStore.split(0, into: 2) == [0, 0])
        #expect(HistoryStore.split(5, into: 0) == [])
    }

    @Test func aMissingInputImageIsReportedNotGuessed() throws {
        let history = try TemporaryHistory()
        let entry = try #require(try history.store.record(
            request: HistoryFixtures.request(mode: .imageToImage(InitImage(
                image: InputImage(data: HistoryFixtures.jpeg, fileName: "in.jpg"), schedule: .imageStrength(0.5)
            ))),
            backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture()])
        ).first)
        let inputPath = try #require(history.storedImagePaths().first { $0.hasSuffix(".jpg") })
        try FileManager.default.removeItem(at: history.directory.appending(path: "images/\(inputPath)"))
        #expect(throws: HistoryError.self) { try history.store.request(for: entry) }
    }
}
