import Foundation
import GRDB
import SparklerCore
import Testing

/// `sparkler generate` without a key: the offline engine makes real pictures, says so once, reports
/// words it does not know, and records the backend and model in history.
@Suite struct OfflineGenerateTests {
    @Test func withoutAKeyTheOfflineEngineWritesARealPicture() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        let file = cli.home.appendingPathComponent("sunset.png")
        let run = try await cli.run(["generate", "a beautiful sunset over the ocean", "--seed", "5", "-o", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: BackendSelection.offlineNotice).count == 2, "said exactly once")
        #expect(run.stdout.contains("seed 5"))

        let image = try ImageCodec.decode(Data(contentsOf: file))
        #expect(image.size == ImageSize(width: 512, height: 512))
        // A sunset over the ocean: a warm sky above a darker sea, not a flat or noisy picture.
        let top = meanColor(image, rows: 0..<(image.height / 3))
        let bottom = meanColor(image, rows: (2 * image.height / 3)..<image.height)
        #expect(top.red > top.blue, "warm sky, got \(top)")
        #expect(top.red + top.green > bottom.red + bottom.green, "the sea is darker than the sky")

        let database = try DatabaseQueue(path: cli.dataDirectory.appendingPathComponent("history.sqlite").path)
        let row = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT backend, json_extract(request, '$.model') AS model FROM historyEntry") })
        #expect(row["backend"] as String == "local")
        #expect(row["model"] as String == ModelCapabilities.sparklerTiny.id.path)
    }

    @Test func theOfflineNoticeIsSaidOnceNotOnEveryCommand() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        let first = try await cli.run(["generate", "a red circle", "--steps", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains(BackendSelection.offlineNotice))
        #expect(first.stderr.contains("sparkler doctor"))
        let second = try await cli.run(["generate", "a red circle", "--steps", "2"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains(BackendSelection.offlineNotice))
        let doctor = try await cli.run(["doctor"])
        #expect(doctor.stdout.contains("local (" + BackendSelection.offlineNotice + ")"), "doctor says it every time")
    }

    /// The files differ in their provenance (creation time); their pixels must not.
    @Test func theSameSeedGivesTheSamePixelsInEveryRun() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        var pictures: [RGBAImage] = []
        for (index, seed) in ["11", "11", "12"].enumerated() {
            let file = cli.home.appendingPathComponent("picture-\(index).png")
            let run = try await cli.run(["generate", "a red circle on a blue background", "--seed", seed, "--steps", "8", "-o", file.path])
            #expect(run.status == 0, "\(run.stderr)")
            pictures.append(try ImageCodec.decode(Data(contentsOf: file)))
        }
        #expect(pictures[0] == pictures[1])
        #expect(pictures[0] != pictures[2])
    }

    @Test func unknownAndReadWordsAreListedOnStderr() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a purple dragon over the navy ocen sea", "--steps", "2", "--backend", "local"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("read by sparkler-tiny as: navy → blue; unknown to sparkler-tiny (ignored): dragon, ocen"), "\(run.stderr)")
        #expect(!run.stderr.contains(BackendSelection.offlineNotice), "an explicit backend needs no notice")
    }

    @Test func compareOfflineBillsNothingAndNamesUnknownWords() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        let run = try await cli.run(["compare", "a red dragon circle", "--count", "2", "--steps", "2", "--seed", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("offline, nothing billed"))
        #expect(run.stderr.contains("unknown to sparkler-tiny (ignored): dragon"))
        #expect(run.stdout.split(separator: "\n").count == 2, "one line per cell")
    }

    @Test func aFireworksModelOnTheLocalBackendIsBadUsage() async throws {
        let cli = try SparklerProcess(apiKey: nil)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a fox", "--backend", "local", "--model", "playground-v2-1024px-aesthetic"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("runs on the fireworks backend"))
    }

    private func meanColor(_ image: RGBAImage, rows: Range<Int>) -> (red: Double, green: Double, blue: Double) {
        var sum = (0.0, 0.0, 0.0)
        for y in rows {
            for x in 0..<image.width {
                let offset = (y * image.width + x) * 4
                sum.0 += Double(image.pixels[offset])
                sum.1 += Double(image.pixels[offset + 1])
                sum.2 += Double(image.pixels[offset + 2])
            }
        }
        let count = Double(rows.count * image.width)
        return (sum.0 / count, sum.1 / count, sum.2 / count)
    }
}
