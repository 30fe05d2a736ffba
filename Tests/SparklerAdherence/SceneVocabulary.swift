// The attributes sparkler-tiny's training pictures vary, with the numbers training/scenes.py draws them
// with (COLORS, SIZES, POSITIONS, TIMES, GROUNDS; the same values are in models/sparkler-tiny/config.json
// under "scene_vocabulary"). Keep them in step with scenes.py.

/// An RGB colour, channels 0...255.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Euclidean distance in RGB, 0...441.
    public func distance(to other: RGBColor) -> Double {
        let (r, g, b) = (red - other.red, green - other.green, blue - other.blue)
        return (r * r + g * g + b * b).squareRoot()
    }

    /// Rec. 601 luma, 0...255.
    public var luminance: Double { 0.299 * red + 0.587 * green + 0.114 * blue }

    public var description: String { "(\(Int(red.rounded())), \(Int(green.rounded())), \(Int(blue.rounded())))" }
}

/// A shape or background colour: scenes.py's COLORS.
public enum SceneColor: String, CaseIterable, Sendable {
    case red, green, blue, yellow, orange, purple, pink, white, black, gray, brown

    public var rgb: RGBColor {
        let (r, g, b): (Double, Double, Double) = switch self {
        case .red: (220, 30, 30)
        case .green: (30, 170, 50)
        case .blue: (30, 70, 220)
        case .yellow: (245, 220, 30)
        case .orange: (245, 140, 20)
        case .purple: (130, 40, 180)
        case .pink: (245, 130, 190)
        case .white: (245, 245, 245)
        case .black: (15, 15, 15)
        case .gray: (128, 128, 128)
        case .brown: (120, 70, 30)
        }
        return RGBColor(red: r, green: g, blue: b)
    }

    /// The named colour closest to `color`.
    public static func nearest(to color: RGBColor) -> SceneColor {
        allCases.min { $0.rgb.distance(to: color) < $1.rgb.distance(to: color) }!
    }
}

public enum SceneShape: String, CaseIterable, Sendable {
    case circle, square, triangle, star

    /// The shape's area over its radius squared, as scenes.py's `shape_mask` draws it: a circle pi, a
    /// square (2 x 0.85)^2, an upright triangle 3 sqrt(3) / 4, a five-pointed star (points at 1.1 r,
    /// notches at 0.45 r) 5 x 1.1 x 0.45 x sin 36 degrees.
    var areaPerSquaredRadius: Double {
        switch self {
        case .circle: Double.pi
        case .square: 1.7 * 1.7
        case .triangle: 3 * 3.0.squareRoot() / 4
        case .star: 5 * 1.1 * 0.45 * 0.587_785
        }
    }
}

/// scenes.py's SIZES; an unstated size is medium.
public enum SceneShapeSize: String, CaseIterable, Sendable {
    case small, medium, big

    /// The shape's radius as a fraction of the image side (scenes.py jitters it by +-10%).
    public var radius: Double {
        switch self {
        case .small: 0.10
        case .medium: 0.15
        case .big: 0.22
        }
    }
}

/// A point in fractions of the image, x to the right, y down.
public struct ScenePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One of scenes.py's nine POSITIONS; an unstated position is the centre.
public enum ScenePosition: String, CaseIterable, Sendable {
    case topLeft = "top left", top, topRight = "top right"
    case left, center, right
    case bottomLeft = "bottom left", bottom, bottomRight = "bottom right"

    public enum Placement: Sendable { case low, middle, high }

    /// Where the shape's centre is drawn (scenes.py jitters it by +-0.03).
    public var center: ScenePoint { ScenePoint(x: Self.fraction(horizontal), y: Self.fraction(vertical)) }

    /// Left (low), centre or right (high).
    public var horizontal: Placement {
        switch self {
        case .topLeft, .left, .bottomLeft: .low
        case .top, .center, .bottom: .middle
        case .topRight, .right, .bottomRight: .high
        }
    }

    /// Top (low), centre or bottom (high).
    public var vertical: Placement {
        switch self {
        case .topLeft, .top, .topRight: .low
        case .left, .center, .right: .middle
        case .bottomLeft, .bottom, .bottomRight: .high
        }
    }

    public init(horizontal: Placement, vertical: Placement) {
        self = Self.allCases.first { $0.horizontal == horizontal && $0.vertical == vertical }!
    }

    private static func fraction(_ placement: Placement) -> Double {
        switch placement {
        case .low: 0.25
        case .middle: 0.5
        case .high: 0.75
        }
    }
}

/// scenes.py's TIMES.
public enum SceneTime: String, CaseIterable, Sendable {
    case day, sunset, dusk, night
}

/// scenes.py's GROUNDS.
public enum SceneGround: String, CaseIterable, Sendable {
    case ocean, mountains, hills, forest
}
