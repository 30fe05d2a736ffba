import Foundation
import SparklerCore
import Testing
@testable import SparklerAdherence
@testable import SparklerEngine

@Suite struct AdherenceCheckerTests {
    let checker = AdherenceChecker()

    // MARK: shapes

    struct ShapePicture: Sendable, CustomTestStringConvertible {
        let caption: String
        let color: SceneColor
        let background: SceneColor
        let position: ScenePosition
        var size: SceneShapeSize = .medium
        var square = false

        var image: RGBAImage {
            Draw.shape(color, on: background, at: position, size: size, square: square)
        }

        var testDescription: String { caption }
    }

    static let matchingShapes: [ShapePicture] = [
        ShapePicture(caption: "a red circle on a blue background", color: .red, background: .blue, position: .center),
        ShapePicture(caption: "a blue background with a red circle", color: .red, background: .blue, position: .center),
        ShapePicture(caption: "a yellow circle at the top left", color: .yellow, background: .purple, position: .topLeft),
        ShapePicture(caption: "a big green square at the bottom right on a white background", color: .green,
                     background: .white, position: .bottomRight, size: .big, square: true),
        ShapePicture(caption: "a small pink circle in the upper right on black", color: .pink, background: .black,
                     position: .topRight, size: .small),
        ShapePicture(caption: "a white background with a black square on the left", color: .black, background: .white,
                     position: .left, square: true),
        ShapePicture(caption: "a large orange circle at the bottom on purple", color: .orange, background: .purple,
                     position: .bottom, size: .big),
    ]

    @Test(arguments: matchingShapes) func matchingShapeCaptionScoresHigh(_ picture: ShapePicture) {
        let report = checker.check(picture.image, caption: picture.caption)
        #expect(report.score >= 0.9, "\(report)")
        #expect(report.checks.count >= 4)
    }

    @Test func swappedColoursScoreLow() {
        let redOnBlue = Draw.shape(.red, on: .blue, at: .center)
        #expect(checker.check(redOnBlue, caption: "a red circle on a blue background").score == 1)
        let swapped = checker.check(redOnBlue, caption: "a blue circle on a red background")
        #expect(swapped.score <= 0.2, "\(swapped)")
        #expect(swapped.failed.contains { $0.name == "red background dominates the border" })

        let blueOnRed = Draw.shape(.blue, on: .red, at: .center)
        #expect(checker.check(blueOnRed, caption: "a red circle on a blue background").score <= 0.2)
    }

    @Test func wrongPositionScoresLow() {
        let topLeft = Draw.shape(.yellow, on: .purple, at: .topLeft)
        for caption in ["a yellow circle at the bottom right", "a yellow circle at the top", "a yellow circle on the left"] {
            let report = checker.check(topLeft, caption: caption)
            #expect(report.score <= 0.4, "\(report)")  // the size and outline checks still pass
            #expect(report.failed.contains { $0.name == "yellow centred on the stated position" })
        }
        let stated = checker.check(topLeft, caption: "a yellow circle at the bottom right on a purple background")
        #expect(stated.score <= 0.5, "\(stated)")
    }

    @Test func wrongColourWithoutBackgroundScoresZero() {
        let report = checker.check(Draw.shape(.yellow, on: .purple, at: .topLeft), caption: "a purple circle at the top left")
        #expect(report.score == 0, "\(report)")
    }

    @Test func wrongSizeFailsOnlyTheSizeCheck() {
        let small = Draw.shape(.pink, on: .black, at: .topRight, size: .small)
        let report = checker.check(small, caption: "a big pink circle at the top right on black")
        #expect(report.failed.map(\.name) == ["circle is big"])
        #expect(abs(report.score - 5.0 / 6) < 1e-9)
        #expect(checker.check(small, caption: "a pink circle at the top right on black").failed.map(\.name) == ["circle is medium"])
    }

    /// A blurred, noisy picture, like a small model's: the checks rest on medians, nearest colours and
    /// the largest blob, so it still passes.
    @Test func softNoisyShapeStillScoresHigh() {
        let soft = Draw.soften(Draw.shape(.green, on: .yellow, at: .bottomLeft), noise: 20)
        let report = checker.check(soft, caption: "a green circle at the bottom left on a yellow background")
        #expect(report.score >= 0.9, "\(report)")
        #expect(checker.check(soft, caption: "a yellow circle at the bottom left on a green background").score <= 0.2)
    }

    @Test func largerPicturesAreJudgedAt32x32() throws {
        let large = Draw.shape(.red, on: .blue, at: .right, side: 128)
        let report = checker.check(large, caption: "a red circle on the right on a blue background")
        #expect(report.score == 1, "\(report)")
        let native = checker.check(Draw.shape(.red, on: .blue, at: .right), caption: report.caption)
        for (big, small) in zip(report.checks, native.checks) {
            #expect(abs(big.measured - small.measured) < 0.5, "\(big.name)")
        }
        #expect(checker.check(large, caption: "a red circle on the left on a blue background").score <= 0.5)
    }

    // MARK: outlines

    static let outlines: [(SceneShape, SceneShapeSize)] = SceneShape.allCases.flatMap { [($0, .medium), ($0, .big)] }

    /// Each shape drawn as scenes.py draws it reads as itself, and as no other shape.
    @Test(arguments: outlines) func drawnShapePassesOnlyItsOwnOutline(shape: SceneShape, size: SceneShapeSize) {
        let picture = Draw.outline(shape, .orange, on: .blue, at: .center, size: size)
        for named in SceneShape.allCases {
            let caption = "a \(size.rawValue) orange \(named.rawValue) on a blue background"
            let report = checker.check(picture, caption: caption)
            let outline = report.checks.first { $0.name == "\(named.rawValue) outline looks like a \(named.rawValue)" }
            #expect(outline?.passed == (named == shape), "\(report)")
        }
    }

    @Test func aSquareWithAStrayPixelStillReadsAsASquare() {
        // A medium square centred at 16 covers columns and rows 12...19; one pixel of its colour juts out
        // of the middle of its right side, widening the bounding box by one column.
        var picture = Draw.outline(.square, .orange, on: .blue, at: .center, size: .medium)
        let orange = SceneColor.orange.rgb
        let offset = (16 * 32 + 20) * 4
        picture.pixels.replaceSubrange(offset..<offset + 3, with: [orange.red, orange.green, orange.blue].map { UInt8($0) })
        let report = checker.check(picture, caption: "an orange square on a blue background")
        #expect(report.score == 1, "\(report)")
    }

    @Test func cornerFillTellsRectanglesFromDiscs() {
        let rectangle = PixelBlob(pixels: (0..<6).flatMap { y in (0..<9).map { x in (x: x, y: y) } })
        #expect(rectangle.cornerFill == 1)
        let disc = PixelBlob(pixels: (0..<40).flatMap { y in (0..<40).compactMap { x in
            let (dx, dy) = (Double(x) + 0.5 - 20, Double(y) + 0.5 - 20)
            return dx * dx + dy * dy <= 400 ? (x: x, y: y) : nil
        } })
        #expect(abs(disc.cornerFill - 0.55) < 0.03)
    }

    @Test func discJudgedAsSquareFailsItsOutline() {
        let disc = Draw.shape(.red, on: .blue, at: .center, size: .big)
        let report = checker.check(disc, caption: "a big red square on a blue background")
        #expect(report.failed.map(\.name).contains("square outline looks like a square"), "\(report)")
        #expect(checker.check(disc, caption: "a big red circle on a blue background").score == 1)
    }

    @Test func smallShapesGetNoOutlineCheck() {
        let small = Draw.outline(.star, .yellow, on: .black, at: .topLeft, size: .small)
        let report = checker.check(small, caption: "a small yellow star at the top left on black")
        #expect(!report.checks.contains { $0.name.contains("outline") })
        #expect(report.checks.count == 5)
    }

    // MARK: landscapes

    @Test func sunsetOverWater() {
        let sunset = Draw.landscape(sky: (top: (70, 50, 125), horizon: (250, 140, 50)), ground: ((150, 80, 100), (45, 30, 80)))
        #expect(checker.check(sunset, caption: "a beautiful sunset over the ocean").score == 1)
        #expect(checker.check(sunset, caption: "the ocean at sunset").score == 1)
        #expect(checker.check(sunset, caption: "the ocean at night").score <= 0.4)
        #expect(checker.check(sunset, caption: "the ocean during the day").score <= 0.4)
        #expect(checker.check(sunset, caption: "a forest at sunset").failed.map(\.name) == ["green ground below the horizon"])
    }

    @Test func dayOverWater() {
        let day = Draw.landscape(sky: (top: (60, 120, 215), horizon: (175, 215, 245)), ground: ((45, 110, 185), (20, 60, 130)))
        #expect(checker.check(day, caption: "the sea on a sunny day").score == 1)
        #expect(checker.check(day, caption: "the sea at night").score <= 0.4)
        #expect(checker.check(day, caption: "the sea at sunset").score <= 0.4)
    }

    @Test func nightOverWater() {
        let night = Draw.landscape(sky: (top: (4, 6, 22), horizon: (22, 32, 70)), ground: ((18, 25, 60), (6, 10, 30)))
        #expect(checker.check(night, caption: "a starry night over the sea").score == 1)
        #expect(checker.check(night, caption: "the sea during the day").score <= 0.4)
        #expect(checker.check(night, caption: "the sea at dusk").failed.map(\.name) == ["sky brightness fits dusk"])
    }

    @Test func duskOverHills() {
        let dusk = Draw.landscape(sky: (top: (20, 25, 70), horizon: (140, 85, 125)), ground: ((21, 40, 22), (16, 32, 18)))
        #expect(checker.check(dusk, caption: "green hills at dusk").score == 1)
        #expect(checker.check(dusk, caption: "green hills at sunset").score <= 0.4)
        #expect(checker.check(dusk, caption: "green hills during the day").score <= 0.4)
        #expect(checker.check(dusk, caption: "the sea at dusk").failed.map(\.name) == ["blue-ish water below the horizon"])
    }

    @Test func timeWithoutGroundAndGroundWithoutTime() {
        let day = Draw.landscape(sky: (top: (60, 120, 215), horizon: (175, 215, 245)), ground: ((45, 110, 185), (20, 60, 130)))
        #expect(checker.check(day, caption: "the waves").checks.map(\.name) == ["blue-ish water below the horizon"])
        #expect(checker.check(day, caption: "in the daytime").checks.count == 2)
    }

    // MARK: real scenes (drawn by training/adherence_samples.py, seed 0)

    @Test(arguments: [
        ("red-circle-on-blue.png", "a red circle on a blue background", "a blue circle on a red background"),
        ("yellow-star-top-left.png", "a yellow star at the top left", "a yellow star at the bottom right"),
        ("big-green-triangle-bottom-right-on-white.png", "a big green triangle at the bottom right on a white background",
         "a big green triangle at the top left on a white background"),
        ("small-pink-circle-top-right-on-black.png", "a small pink circle at the top right on black",
         "a small black circle at the top right on pink"),
        ("sunset-over-ocean.png", "a beautiful sunset over the ocean", "the ocean during the day"),
        ("snowy-mountains-at-night.png", "mountains with snow at night", "mountains with snow during the day"),
        ("forest-during-day.png", "a forest during the day", "a forest at night"),
        ("green-hills-at-dusk.png", "green hills at dusk", "green hills at sunset"),
    ])
    func realScenes(file: String, caption: String, mismatched: String) throws {
        let image = try ImageCodec.decode(Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
        let report = checker.check(image, caption: caption)
        #expect(report.score == 1, "\(report)")
        let wrong = checker.check(image, caption: mismatched)
        #expect(wrong.score <= 0.5, "\(wrong)")  // a misplaced shape keeps its size and outline
    }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SparklerEngineTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/Adherence")

    // MARK: reports

    @Test func captionOutsideTheSceneLanguageScoresZero() {
        let report = checker.check(Draw.shape(.red, on: .blue, at: .center), caption: "a photo of a cat")
        #expect(report.expected == nil)
        #expect(report.score == 0)
        #expect(report.checks.count == 1 && report.failed.count == 1)
    }

    @Test func reportDescribesEveryCheck() {
        let report = checker.check(Draw.shape(.red, on: .blue, at: .center), caption: "a blue circle on a red background")
        let text = report.description
        #expect(text.hasPrefix("\"a blue circle on a red background\": score 0"))
        #expect(text.contains("FAIL  red background dominates the border"))
        #expect(text.split(separator: "\n").count == report.checks.count + 1)
    }

    @Test func tallyAveragesPerCaptionInOrder() {
        let redOnBlue = Draw.shape(.red, on: .blue, at: .center)
        var tally = AdherenceTally()
        tally.add(checker.check(redOnBlue, caption: "a red circle on a blue background"))
        tally.add(checker.check(redOnBlue, caption: "a blue circle on a red background"))
        tally.add(checker.check(Draw.shape(.blue, on: .red, at: .center), caption: "a red circle on a blue background"))
        let scores = tally.captionScores
        #expect(scores.map(\.caption) == ["a red circle on a blue background", "a blue circle on a red background"])
        #expect(scores.map(\.pictures) == [2, 1])
        #expect(scores[0].failures.first?.count == 1)
        #expect(abs(tally.meanScore - tally.reports.map(\.score).reduce(0, +) / 3) < 1e-12)
        #expect(tally.description.split(separator: "\n").last?.hasPrefix("mean") == true)
        #expect(AdherenceTally().meanScore == 0)
    }
}

/// Scores pictures drawn by training/adherence_samples.py against their own and mismatched captions,
/// prints the tables the checker's thresholds were chosen from, and checks that they separate the two. Runs only when SPARKLER_ADHERENCE_SAMPLES
/// names the folder the script wrote.
@Suite struct AdherenceCalibration {
    static let folder = ProcessInfo.processInfo.environment["SPARKLER_ADHERENCE_SAMPLES"]

    private struct Samples: Decodable {
        struct Sample: Decodable {
            let file: String
            let caption: String
            let mismatches: [String]
        }

        let source: String
        let samples: [Sample]
    }

    @Test(.enabled(if: folder != nil)) func ownCaptionsOutscoreMismatchedOnes() throws {
        let folder = URL(fileURLWithPath: try #require(Self.folder))
        let samples = try JSONDecoder().decode(Samples.self, from: Data(contentsOf: folder.appendingPathComponent("samples.json")))
        let checker = AdherenceChecker()
        var matched = AdherenceTally(), mismatched = AdherenceTally()
        for sample in samples.samples {
            let image = try ImageCodec.decode(Data(contentsOf: folder.appendingPathComponent(sample.file)))
            let report = checker.check(image, caption: sample.caption)
            matched.add(report)
            if report.score < 1 { print("\(sample.file) \(report)") }
            for caption in sample.mismatches {
                let report = checker.check(image, caption: caption)
                mismatched.add(AdherenceReport(caption: "\(caption)  <-  \(sample.caption)", expected: report.expected,
                                               checks: report.checks))
            }
        }
        print("== \(samples.source) pictures against their own captions\n\(matched)")
        print("== against mismatched captions (caption  <-  drawn for)\n\(mismatched)")
        #expect(matched.meanScore > mismatched.meanScore)
    }
}

/// Test pictures composed the way training/scenes.py composes its scenes, with its colours.
private enum Draw {
    /// A disc (or scenes.py's square, half-side 0.85 r) antialiased by 4x4 supersampling.
    static func shape(_ color: SceneColor, on background: SceneColor, at position: ScenePosition,
                      size: SceneShapeSize = .medium, square: Bool = false, side: Int = 32) -> RGBAImage {
        let center = position.center, r = size.radius
        return picture(side: side) { x, y in
            var covered = 0.0
            for sy in 0..<4 {
                for sx in 0..<4 {
                    let dx = x + (Double(sx) + 0.5) / 4 / Double(side) - center.x
                    let dy = y + (Double(sy) + 0.5) / 4 / Double(side) - center.y
                    let inside = square ? max(abs(dx), abs(dy)) <= 0.85 * r : dx * dx + dy * dy <= r * r
                    if inside { covered += 1 / 16 }
                }
            }
            return mix(background.rgb, color.rgb, covered)
        }
    }

    /// scenes.py's `shape_mask` (circle, square of half-side 0.85 r, upright triangle with its centroid at
    /// the centre, five-pointed star with points at 1.1 r and notches at 0.45 r), 4x4 supersampled.
    static func outline(_ shape: SceneShape, _ color: SceneColor, on background: SceneColor, at position: ScenePosition,
                        size: SceneShapeSize, side: Int = 32) -> RGBAImage {
        let center = position.center, r = size.radius
        let polygon: [(Double, Double)] = switch shape {
        case .triangle: (0..<3).map { i in
            let a = Double.pi / 2 + Double(i) * 2 * .pi / 3
            return (center.x + r * cos(a), center.y - r * sin(a))
        }
        case .star: (0..<10).map { i in
            let a = Double.pi / 2 + Double(i) * .pi / 5, rr = r * (i % 2 == 0 ? 1.1 : 0.45)
            return (center.x + rr * cos(a), center.y - rr * sin(a))
        }
        default: []
        }
        func inside(_ x: Double, _ y: Double) -> Bool {
            let (dx, dy) = (x - center.x, y - center.y)
            switch shape {
            case .circle: return dx * dx + dy * dy <= r * r
            case .square: return max(abs(dx), abs(dy)) <= 0.85 * r
            case .triangle, .star:  // even-odd rule
                var result = false
                for i in polygon.indices {
                    let (a, b) = (polygon[i], polygon[(i + 1) % polygon.count])
                    if (a.1 > y) != (b.1 > y), x < a.0 + (y - a.1) * (b.0 - a.0) / (b.1 - a.1) { result.toggle() }
                }
                return result
            }
        }
        return picture(side: side) { x, y in
            var covered = 0.0
            for sy in 0..<4 {
                for sx in 0..<4 where inside(x + (Double(sx) + 0.5) / 4 / Double(side), y + (Double(sy) + 0.5) / 4 / Double(side)) {
                    covered += 1 / 16
                }
            }
            return mix(background.rgb, color.rgb, covered)
        }
    }

    typealias Triple = (Double, Double, Double)

    /// A vertical sky gradient down to a horizon at y = 0.6, then a ground gradient to the bottom.
    static func landscape(sky: (top: Triple, horizon: Triple), ground: (Triple, Triple), side: Int = 32) -> RGBAImage {
        let horizon = 0.6
        return picture(side: side) { _, y in
            let y = y + 0.5 / Double(side)
            return y < horizon
                ? mix(rgb(sky.top), rgb(sky.horizon), y / horizon)
                : mix(rgb(ground.0), rgb(ground.1), (y - horizon) / (1 - horizon))
        }
    }

    /// A 3x3 box blur plus deterministic noise of up to +-`noise` per channel.
    static func soften(_ image: RGBAImage, noise: Int) -> RGBAImage {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var pixels = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                for channel in 0..<3 {
                    var sum = 0, count = 0
                    for ny in max(0, y - 1)...min(image.height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(image.width - 1, x + 1) {
                            sum += Int(image.pixels[(ny * image.width + nx) * 4 + channel])
                            count += 1
                        }
                    }
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let jitter = Int(state >> 33) % (2 * noise + 1) - noise
                    pixels[(y * image.width + x) * 4 + channel] = UInt8(clamping: sum / count + jitter)
                }
            }
        }
        return RGBAImage(width: image.width, height: image.height, pixels: pixels)!
    }

    /// Calls `color` with each pixel's top-left corner in fractions of the side.
    private static func picture(side: Int, _ color: (Double, Double) -> RGBColor) -> RGBAImage {
        var pixels: [UInt8] = []
        for y in 0..<side {
            for x in 0..<side {
                let c = color(Double(x) / Double(side), Double(y) / Double(side))
                pixels += [c.red, c.green, c.blue].map { UInt8(max(0, min(255, $0.rounded()))) } + [255]
            }
        }
        return RGBAImage(width: side, height: side, pixels: pixels)!
    }

    private static func rgb(_ triple: Triple) -> RGBColor { RGBColor(red: triple.0, green: triple.1, blue: triple.2) }

    private static func mix(_ a: RGBColor, _ b: RGBColor, _ t: Double) -> RGBColor {
        RGBColor(red: a.red + (b.red - a.red) * t, green: a.green + (b.green - a.green) * t,
                 blue: a.blue + (b.blue - a.blue) * t)
    }
}
