import Testing
@testable import SparklerAdherence
@testable import SparklerEngine

@Suite struct SceneCaptionTests {
    /// Every suite caption and what it asks for.
    static let suite: [(String, SceneCaption)] = [
        ("a red circle on a blue background", .shape(ShapeCaption(shape: .circle, color: .red, background: .blue))),
        ("a blue circle on a red background", .shape(ShapeCaption(shape: .circle, color: .blue, background: .red))),
        ("a yellow star at the top left", .shape(ShapeCaption(shape: .star, color: .yellow, position: .topLeft))),
        ("a big green triangle at the bottom right on a white background",
         .shape(ShapeCaption(shape: .triangle, color: .green, background: .white, position: .bottomRight, size: .big))),
        ("a white background with a black square on the left",
         .shape(ShapeCaption(shape: .square, color: .black, background: .white, position: .left))),
        ("a small pink circle at the top right on black",
         .shape(ShapeCaption(shape: .circle, color: .pink, background: .black, position: .topRight, size: .small))),
        ("a large orange square at the top on a purple background",
         .shape(ShapeCaption(shape: .square, color: .orange, background: .purple, position: .top, size: .big))),
        ("a green star in the lower left on a yellow background",
         .shape(ShapeCaption(shape: .star, color: .green, background: .yellow, position: .bottomLeft))),
        ("a brown triangle at the bottom on a gray background",
         .shape(ShapeCaption(shape: .triangle, color: .brown, background: .gray, position: .bottom))),
        ("a purple circle on the right on a white background",
         .shape(ShapeCaption(shape: .circle, color: .purple, background: .white, position: .right))),
        ("a beautiful sunset over the ocean", .landscape(LandscapeCaption(time: .sunset, ground: .ocean))),
        ("the sea on a sunny day", .landscape(LandscapeCaption(time: .day, ground: .ocean))),
        ("a starry night over the sea", .landscape(LandscapeCaption(time: .night, ground: .ocean))),
        ("mountains with snow at night", .landscape(LandscapeCaption(time: .night, ground: .mountains, snowy: true))),
        ("snowy mountains at sunset", .landscape(LandscapeCaption(time: .sunset, ground: .mountains, snowy: true))),
        ("a forest during the day", .landscape(LandscapeCaption(time: .day, ground: .forest))),
        ("green hills at dusk", .landscape(LandscapeCaption(time: .dusk, ground: .hills))),
    ]

    @Test func suiteCaptionsAreTheTestedOnes() {
        #expect(AdherenceSuite.captions == Self.suite.map(\.0))
    }

    @Test(arguments: suite) func parsesSuiteCaption(_ caption: String, _ expected: SceneCaption) {
        #expect(SceneCaption(parsing: caption) == expected)
    }

    @Test func suiteCoversEveryPositionTimeAndGround() {
        let parsed = AdherenceSuite.captions.compactMap(SceneCaption.init(parsing:))
        #expect(parsed.count == AdherenceSuite.captions.count)
        var positions = Set<ScenePosition>(), times = Set<SceneTime>(), grounds = Set<SceneGround>()
        var unstatedBackground = false
        for caption in parsed {
            switch caption {
            case .shape(let shape):
                positions.insert(shape.position)
                unstatedBackground = unstatedBackground || shape.background == nil
            case .landscape(let landscape):
                if let time = landscape.time { times.insert(time) }
                if let ground = landscape.ground { grounds.insert(ground) }
            }
        }
        #expect(positions == Set(ScenePosition.allCases))
        #expect(times == Set(SceneTime.allCases))
        #expect(grounds == Set(SceneGround.allCases))
        #expect(unstatedBackground)
    }

    @Test(arguments: [
        ("a blue background with a red circle", ShapeCaption(shape: .circle, color: .red, background: .blue)),
        ("a red circle on blue", ShapeCaption(shape: .circle, color: .red, background: .blue)),
        ("A Red Circle, on a BLUE background.", ShapeCaption(shape: .circle, color: .red, background: .blue)),
        ("a tiny white star in the upper left", ShapeCaption(shape: .star, color: .white, position: .topLeft, size: .small)),
        ("a little gray square in the top right corner on a brown background",
         ShapeCaption(shape: .square, color: .gray, background: .brown, position: .topRight, size: .small)),
        ("a black triangle at the top center", ShapeCaption(shape: .triangle, color: .black, position: .top)),
        ("an orange circle in the middle on a green background",
         ShapeCaption(shape: .circle, color: .orange, background: .green)),
        ("a purple star at the right", ShapeCaption(shape: .star, color: .purple, position: .right)),
        ("a pink square in the lower right", ShapeCaption(shape: .square, color: .pink, position: .bottomRight)),
        ("a yellow background with a large blue square at the bottom left",
         ShapeCaption(shape: .square, color: .blue, background: .yellow, position: .bottomLeft, size: .big)),
    ])
    func parsesShapePhrasings(_ caption: String, _ expected: ShapeCaption) {
        #expect(SceneCaption(parsing: caption) == .shape(expected))
    }

    @Test(arguments: [
        ("the ocean at sunset", LandscapeCaption(time: .sunset, ground: .ocean)),
        ("a sundown over the waves", LandscapeCaption(time: .sunset, ground: .ocean)),
        ("a lighthouse by the sea at twilight", LandscapeCaption(time: .dusk, ground: .ocean)),
        ("the beach in the evening", LandscapeCaption(time: .dusk, ground: .ocean)),
        ("snow capped mountains under the stars", LandscapeCaption(time: .night, ground: .mountains, snowy: true)),
        ("snowy peaks in the moonlight", LandscapeCaption(time: .night, ground: .mountains, snowy: true)),
        ("rocky mountains with the moon and stars at dusk", LandscapeCaption(time: .dusk, ground: .mountains)),
        ("a clear night over rolling hills", LandscapeCaption(time: .night, ground: .hills)),
        ("a green valley with a cabin at noon", LandscapeCaption(time: .day, ground: .hills)),
        ("the woods in the daytime", LandscapeCaption(time: .day, ground: .forest)),
        ("a pine forest", LandscapeCaption(ground: .forest)),
        ("a calm sea", LandscapeCaption(ground: .ocean)),
        ("a beautiful sunset", LandscapeCaption(time: .sunset)),
        ("green hills with pine trees on a sunny day", LandscapeCaption(time: .day, ground: .hills)),
    ])
    func parsesLandscapePhrasings(_ caption: String, _ expected: LandscapeCaption) {
        #expect(SceneCaption(parsing: caption) == .landscape(expected))
    }

    @Test(arguments: ["", "a photo of a cat", "a circle on a blue background", "red and blue", "a moon"])
    func rejectsCaptionsOutsideTheSceneLanguage(_ caption: String) {
        #expect(SceneCaption(parsing: caption) == nil)
    }

    @Test func vocabularyMatchesScenesPy() {
        #expect(SceneColor.red.rgb == RGBColor(red: 220, green: 30, blue: 30))
        #expect(SceneColor.brown.rgb == RGBColor(red: 120, green: 70, blue: 30))
        #expect(ScenePosition.topLeft.center == ScenePoint(x: 0.25, y: 0.25))
        #expect(ScenePosition.bottom.center == ScenePoint(x: 0.5, y: 0.75))
        #expect(ScenePosition.right.center == ScenePoint(x: 0.75, y: 0.5))
        #expect(SceneShapeSize.big.radius == 0.22)
        #expect(SceneColor.nearest(to: RGBColor(red: 250, green: 200, blue: 40)) == .yellow)
    }
}
