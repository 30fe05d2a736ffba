/// The checks of a shape caption: the shape's colour at the stated place, in the stated region only, at
/// the stated size, on the stated background. Thresholds come from scenes.py's geometry and from pictures
/// drawn by training/adherence_samples.py (see its docstring for the calibration run).
struct ShapeChecks {
    /// A pixel has the shape's colour when that is the nearest named colour (leaving out the picture's
    /// own background colour, see `init`), it is at most this far from it, and it is closer to it than
    /// to the picture's background. scenes.py jitters colours by N(0, 12) per channel (21 away on
    /// average, rarely 50) and the closest two named colours (orange, yellow) are 81 apart, so the
    /// nearest-colour rule does the separating; this ceiling only drops pixels that are no named colour
    /// at all. The model's colours are more saturated than the named ones (yellow comes out (255, 255, 0),
    /// 47 away) and stay well inside it.
    static let colorMatchDistance = 100.0
    /// ... and at least this far from the picture's background, so that background noise never counts as
    /// shape: when the caption names the background's own colour for the shape (swapped colours), half
    /// of a noisy background would otherwise sit nearer the named colour than its median does. The
    /// model's border pixels lie within 10 of their median (99th percentile; scenes.py's are flat), and
    /// named colours are at least 81 apart, so a shape's own pixels clear this floor.
    static let backgroundContrast = 40.0
    /// The stated centre may miss the shape's pixels by this much: scenes.py moves the centre up to
    /// 0.03 x 32 = 1 px, and the solid core of even a small triangle or star reaches about 1.5 px from
    /// its centre; a shape centred on a neighbouring position (8 px away) is at least 4 px off.
    static let presenceRadius = 2.0
    /// The centroid of the shape's colour may sit this far from the stated centre: half the 8 px between
    /// neighbouring positions, so "top" and "top left" cannot both pass.
    static let centroidTolerance = 4.0
    /// At least this fraction of the shape's colour lies in the stated region (the half or the central
    /// band of each axis). A big shape (radius 0.24 with jitter) spills a few pixels over the halfway line.
    static let regionFraction = 0.75
    /// Size boundaries on the measured radius (a fraction of the side). scenes.py's radii are 0.10, 0.15
    /// and 0.22 (+-10%); measured from the shape colour's area, drawn shapes come out a little smaller
    /// because antialiased edge pixels blend into the background. Measured ranges over all four shapes:
    /// small 0.05-0.12, medium 0.11-0.17, big 0.18-0.26 (tiny triangles and stars overlap a little).
    static let smallMediumBoundary = 0.115
    static let mediumBigBoundary = 0.175
    /// The outline is judged on three features of the shape's blob, in this order (a small decision
    /// tree; training/adherence_samples.py --outlines draws the calibration scenes). Measured on scenes.py's
    /// medium and big shapes, 1st-99th percentile, with the ideal value of the continuous shape first:
    ///
    /// * convexity, blob area over the area of its convex hull: circle 1 (0.88-0.96 pixelated), square 1
    ///   (0.97-1), triangle 1 (0.78-0.88: its staircase edges), star 0.51 (0.51-0.71). Only the star is
    ///   non-convex, so below this it is a star; every other shape stays above it.
    static let starConvexity = 0.75
    /// * the centroid's depth in the bounding box (0 top, 1 bottom): an upright triangle's centroid sits
    ///   2/3 of the way down from its apex (0.60-0.67 measured), a circle's and a square's halfway
    ///   (0.46-0.54); from here down it is a triangle.
    static let triangleCentroidDepth = 0.58
    /// * the corner fill, the share of the bounding box's four corner cells (a third of its sides each)
    ///   that the blob covers (`PixelBlob.cornerFill`): square 1 (0.89-1 medium, 0.94-1 big), circle 0.55
    ///   (0.33-0.67), 1,000 drawn shapes each; from here up a convex, centred blob is a square, below it a
    ///   circle. Over the 800 calibration scenes, 2 discs whose blended edge pixels counted as the shape's
    ///   colour read as squares (the fill rule before it: 1). It replaced the bounding box's fill (square
    ///   0.95-1, circle up to 0.94), which left no margin: one stray pixel beside a square, common in the
    ///   model's pictures, widened its box enough to read as a circle (sparkler-tiny's squares passed 6 of
    ///   16 by fill, 13 of 16 by corner fill; every other shape the same by both).
    static let squareCornerFill = 0.8
    /// Below this size the outline is not judged: a small shape (radius 0.10 x 32 = 3 px) covers 6-40
    /// pixels, too few to tell a star or triangle from a round blob (a third of small stars read as circles).
    static let outlineSize = SceneShapeSize.small

    let grid: ColorGrid
    let expected: ShapeCaption
    /// The median colour of the border: the picture's background, whatever the caption says.
    private let background: RGBColor
    /// Pixel centres (in pixels) of the shape's colour, anywhere.
    private let shapePixels: [(x: Double, y: Double)]
    /// The largest blob of the shape's colour: the shape. Position and size are judged on it alone, so
    /// that a ring of background pixels that drift towards the colour around a shape of another colour
    /// (the model's red circle on blue has such a blue-ish fringe) does not pass for a blue circle.
    private let blob: PixelBlob?

    init(grid: ColorGrid, expected: ShapeCaption) {
        self.grid = grid
        self.expected = expected
        let background = grid.border.median
        self.background = background
        // A background between two named colours (the model's yellow-orange behind "a yellow star") must
        // not turn into the shape's colour, and a shape must be told from a background of its own colour
        // name (a bright yellow star on a golden ground): hence the distance to the actual background.
        let backgroundName = SceneColor.nearest(to: background)
        let candidates = SceneColor.allCases.filter { $0 == expected.color || $0 != backgroundName }
        let target = expected.color.rgb
        let matching = grid.coordinates.filter { x, y in
            let color = grid[x, y], distance = color.distance(to: target)
            let contrast = color.distance(to: background)
            let nearest = candidates.min { $0.rgb.distance(to: color) < $1.rgb.distance(to: color) }
            return nearest == expected.color && distance <= Self.colorMatchDistance && distance < contrast
                && contrast >= Self.backgroundContrast
        }
        shapePixels = matching.map { (Double($0.x) + 0.5, Double($0.y) + 0.5) }
        blob = PixelBlob.largest(of: matching, side: grid.side)
    }

    var all: [AdherenceCheck] {
        var checks = [presence, centroid, region, size]
        if expected.size != Self.outlineSize { checks.append(outline) }
        if let stated = expected.background { checks.append(border(stated)) }
        return checks
    }

    private var colorName: String { expected.color.rawValue }
    private var center: (x: Double, y: Double) { grid.pixelPoint(expected.position.center) }

    private func distanceFromCenter(_ point: (x: Double, y: Double)) -> Double {
        ((point.x - center.x) * (point.x - center.x) + (point.y - center.y) * (point.y - center.y)).squareRoot()
    }

    private var presence: AdherenceCheck {
        let nearest = blob?.centers.map(distanceFromCenter).min() ?? .infinity
        let limit = AdherenceCheck.format(Self.presenceRadius)
        return AdherenceCheck(name: "\(colorName) at the stated position (\(expected.position.rawValue))",
                              passed: nearest <= Self.presenceRadius, measured: nearest,
                              expectation: "nearest \(colorName) pixel <= \(limit) px away")
    }

    private var centroid: AdherenceCheck {
        let distance = blob.map { distanceFromCenter($0.centroid) } ?? .infinity
        return AdherenceCheck(name: "\(colorName) centred on the stated position",
                              passed: distance <= Self.centroidTolerance, measured: distance,
                              expectation: "centroid <= \(AdherenceCheck.format(Self.centroidTolerance)) px away")
    }

    private var region: AdherenceCheck {
        let side = Double(grid.side)
        let inside = shapePixels.count {
            Self.contains($0.x / side, expected.position.horizontal)
                && Self.contains($0.y / side, expected.position.vertical)
        }
        let fraction = shapePixels.isEmpty ? 0 : Double(inside) / Double(shapePixels.count)
        return AdherenceCheck(name: "\(colorName) mostly in the stated region, not elsewhere",
                              passed: fraction >= Self.regionFraction, measured: fraction,
                              expectation: ">= \(AdherenceCheck.format(Self.regionFraction)) of its pixels")
    }

    /// The stated half of an axis for left/right and top/bottom, its central half for the middle.
    private static func contains(_ fraction: Double, _ placement: ScenePosition.Placement) -> Bool {
        switch placement {
        case .low: fraction < 0.5
        case .middle: fraction >= 0.25 && fraction < 0.75
        case .high: fraction >= 0.5
        }
    }

    /// The radius (as a fraction of the side) of the stated shape with the blob's area. Area rather than
    /// extent, so that a star drawn as a blob is not judged by points it does not have.
    private var size: AdherenceCheck {
        let area = Double(blob?.pixels.count ?? 0)
        let radius = (area / expected.shape.areaPerSquaredRadius).squareRoot() / Double(grid.side)
        let (passed, expectation): (Bool, String) = switch expected.size {
        case .small: (radius < Self.smallMediumBoundary, "< \(Self.smallMediumBoundary)")
        case .medium: ((Self.smallMediumBoundary...Self.mediumBigBoundary).contains(radius),
                       "\(Self.smallMediumBoundary)...\(Self.mediumBigBoundary)")
        case .big: (radius > Self.mediumBigBoundary, "> \(Self.mediumBigBoundary)")
        }
        return AdherenceCheck(name: "\(expected.shape.rawValue) is \(expected.size.rawValue)", passed: passed,
                              measured: radius, expectation: "radius \(expectation) of the side")
    }

    /// The blob's features (see `starConvexity`): corner fill, convexity, centroid depth.
    struct OutlineFeatures {
        let cornerFill: Double
        let convexity: Double
        let centroidDepth: Double

        init(_ blob: PixelBlob) {
            let box = blob.bounds, area = Double(blob.pixels.count)
            cornerFill = blob.cornerFill
            convexity = area / max(blob.convexHullArea, 1)
            centroidDepth = (blob.centroid.y - Double(box.y)) / Double(box.height)
        }

        /// The shape these features are nearest to, by the decision tree documented on the thresholds.
        var shape: SceneShape {
            if convexity < ShapeChecks.starConvexity { return .star }
            if centroidDepth >= ShapeChecks.triangleCentroidDepth { return .triangle }
            return cornerFill >= ShapeChecks.squareCornerFill ? .square : .circle
        }
    }

    /// The largest blob's outline classified as the nearest of the four shapes; passes when that is the
    /// stated shape. Measured: the blob's corner fill, the other features in the expectation.
    private var outline: AdherenceCheck {
        let name = expected.shape.rawValue
        let check = "\(name) outline looks like a \(name)"
        guard let blob else {
            return AdherenceCheck(name: check, passed: false, measured: 0, expectation: "a \(name) blob, found none")
        }
        let features = OutlineFeatures(blob), seen = features.shape
        let format = AdherenceCheck.format
        return AdherenceCheck(
            name: check, passed: seen == expected.shape, measured: features.cornerFill,
            expectation: "corner fill, read as a \(name); looks like a \(seen.rawValue) (convexity "
                + "\(format(features.convexity)), centroid \(format(features.centroidDepth)) down the box)")
    }

    /// The border's median colour: a shape near the edge covers only a few of its 124 pixels.
    private func border(_ stated: SceneColor) -> AdherenceCheck {
        let nearest = SceneColor.nearest(to: background), distance = background.distance(to: stated.rgb)
        return AdherenceCheck(name: "\(stated.rawValue) background dominates the border",
                              passed: nearest == stated && distance <= Self.colorMatchDistance, measured: distance,
                              expectation: "median border colour nearest \(stated.rawValue), <= "
                                  + "\(AdherenceCheck.format(Self.colorMatchDistance)) away")
    }
}
