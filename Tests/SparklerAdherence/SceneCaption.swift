import SparklerEngine

/// What a caption in sparkler-tiny's language asks for: the attributes training/scenes.py turns into
/// captions, read back from the words it uses for them (`make_shape`, `landscape_caption`).
public enum SceneCaption: Sendable, Hashable {
    case shape(ShapeCaption)
    case landscape(LandscapeCaption)

    /// Nil when the caption names neither a coloured shape nor a time of day or ground.
    public init?(parsing caption: String) {
        let words = WordTokenizer.words(caption)
        if let shape = ShapeCaption(words: words) {
            self = .shape(shape)
        } else if let landscape = LandscapeCaption(words: words) {
            self = .landscape(landscape)
        } else {
            return nil
        }
    }
}

/// "a big green triangle at the bottom right on a white background", "a blue background with a red circle".
public struct ShapeCaption: Sendable, Hashable {
    public var shape: SceneShape
    public var color: SceneColor
    /// Nil when the caption leaves it open (scenes.py then picks any colour but the shape's).
    public var background: SceneColor?
    public var position: ScenePosition
    public var size: SceneShapeSize

    public init(shape: SceneShape, color: SceneColor, background: SceneColor? = nil,
                position: ScenePosition = .center, size: SceneShapeSize = .medium) {
        self.shape = shape
        self.color = color
        self.background = background
        self.position = position
        self.size = size
    }

    /// The shape's colour is the colour word right before the shape ("a big red circle"); any other
    /// colour word is the background, whichever phrasing puts it first or last.
    init?(words: [String]) {
        guard let shapeIndex = words.firstIndex(where: { SceneShape(rawValue: $0) != nil }),
              let shape = SceneShape(rawValue: words[shapeIndex]),
              let colorIndex = words[..<shapeIndex].lastIndex(where: { SceneColor(rawValue: $0) != nil }),
              let color = SceneColor(rawValue: words[colorIndex])
        else { return nil }
        let background = words.indices
            .filter { $0 != colorIndex }
            .lazy.compactMap { SceneColor(rawValue: words[$0]) }.first
        self.init(shape: shape, color: color, background: background,
                  position: Self.position(words), size: Self.size(words))
    }

    private static func size(_ words: [String]) -> SceneShapeSize {
        if words.contains(where: ["small", "little", "tiny"].contains) { return .small }
        if words.contains(where: ["big", "large"].contains) { return .big }
        return .medium
    }

    /// "at the top left", "in the upper left", "in the bottom right corner", "at the top center", "in the
    /// middle": each word pins one axis; what no word pins stays in the middle.
    private static func position(_ words: [String]) -> ScenePosition {
        var vertical = ScenePosition.Placement.middle, horizontal = ScenePosition.Placement.middle
        for word in words {
            switch word {
            case "top", "upper": vertical = .low
            case "bottom", "lower": vertical = .high
            case "left": horizontal = .low
            case "right": horizontal = .high
            default: break
            }
        }
        return ScenePosition(horizontal: horizontal, vertical: vertical)
    }
}

/// "a beautiful sunset over the ocean", "mountains with snow at night", "a forest during the day".
public struct LandscapeCaption: Sendable, Hashable {
    /// Nil when unstated: scenes.py writes a third of its daytime captions without a time word.
    public var time: SceneTime?
    public var ground: SceneGround?
    public var snowy: Bool

    public init(time: SceneTime? = nil, ground: SceneGround? = nil, snowy: Bool = false) {
        self.time = time
        self.ground = ground
        self.snowy = snowy
    }

    init?(words: [String]) {
        let time = words.lazy.compactMap { Self.timeWords[$0] }.first
            // "under the stars" is a night phrase; "the moon and stars" comes with its own time word.
            ?? (words.contains("stars") ? .night : nil)
        let ground = words.lazy.compactMap { Self.groundWords[$0] }.first
        guard time != nil || ground != nil else { return nil }
        self.init(time: time, ground: ground, snowy: words.contains("snowy") || words.contains("snow"))
    }

    private static let timeWords: [String: SceneTime] = [
        "day": .day, "daytime": .day, "noon": .day, "sunny": .day,
        "sunset": .sunset, "sundown": .sunset,
        "dusk": .dusk, "twilight": .dusk, "evening": .dusk,
        "night": .night, "starry": .night, "moonlight": .night,
    ]

    /// scenes.py draws beaches and lighthouses only by the ocean.
    private static let groundWords: [String: SceneGround] = [
        "ocean": .ocean, "sea": .ocean, "waves": .ocean, "beach": .ocean, "lighthouse": .ocean,
        "mountains": .mountains, "peaks": .mountains,
        "hills": .hills, "valley": .hills,
        "forest": .forest, "woods": .forest,
    ]
}
