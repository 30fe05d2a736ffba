/// The checks of a landscape caption: the sky's brightness and colour for the time of day, the ground's
/// colour below the horizon. Regions and thresholds follow scenes.py's layout (horizon at y 0.5...0.66,
/// sky gradients in SKY, ground shading in LIGHT) and were set from pictures drawn by
/// training/adherence_samples.py: each boundary sits between the ranges two classes measured.
struct LandscapeChecks {
    /// Rows 0..<10 (y < 0.31) are sky in every scene: the horizon is never above y = 0.5, and only
    /// mountain peaks, which the median ignores, reach higher.
    static let skyRows = 0..<10
    static let upperHalfRows = 0..<16
    /// Just below the highest possible horizon (row 21) and mostly above beaches (from y 0.77).
    static let waterRows = 21..<26
    /// The bottom quarter: ground (or water) in every scene.
    static let groundRows = 24..<32
    /// Where mountain ridges cross the sky (peaks reach up to 0.45 above the horizon).
    static let ridgeRows = 8..<16

    // Measured ranges below: 60 scenes per time of day and ground (960 in all), drawn by scenes.py's
    // make_landscape, with exactly these measures.

    /// Luminance of the sky's median colour: night 9-27, dusk 39-67, sunset 79-101, day 129-155.
    /// Boundaries halfway between neighbours.
    static func skyLuminance(_ time: SceneTime) -> Range<Double> {
        switch time {
        case .night: 0..<33
        case .dusk: 33..<73
        case .sunset: 73..<115
        case .day: 115..<256
        }
    }
    /// Blue minus red of the sky's median colour: 104-155 by day, at most 53 otherwise (a dusk sky).
    static let daySkyBlueness = 78.0
    /// The fraction of the upper half that is sunset orange: 0.07-0.59 at sunset (peaks hide most of the
    /// glow behind mountains), at most 0.03 otherwise (a lighthouse's lamp and glow).
    static let warmFraction = 0.05
    /// Luminance of the bottom quarter's median colour at night (LIGHT 0.22): 10-39, against 45 and up
    /// at sunset and 62 and up by day. Dusk ground (24-70) overlaps; the sky tells dusk from night.
    static let nightGroundLuminance = 42.0
    /// Blue over green of the water band's median colour: water 1.22-5.9, hills and forests at most 0.96.
    static let waterBlueOverGreen = 1.1
    /// Green over the larger of red and blue of the same band: hills and forests 1.00-3.1, water at
    /// most 0.64.
    static let groundGreenness = 0.82
    /// A ridge is where a row stops being one sky colour: pixels this far from their row's median.
    static let ridgeColorDistance = 25.0
    /// The fraction of such pixels in the ridge rows. Mountains: at least 0.13 by day and 0.18 at sunset,
    /// 0.06 at dusk and 0.04 at night (nine in ten above 0.39, 0.31, 0.21, 0.08), as at night the rock is
    /// barely lighter than the sky; flat horizons: nine in ten at most 0.21, though trees and a
    /// lighthouse reach 0.48. So this check tells mountains from other grounds only most of the time,
    /// and misses about a quarter of night mountains.
    static let ridgeFraction = 0.15

    let grid: ColorGrid
    let expected: LandscapeCaption

    var all: [AdherenceCheck] {
        var checks: [AdherenceCheck] = []
        if let time = expected.time { checks += [skyBrightness(time), timeColor(time)] }
        switch expected.ground {
        case .ocean: checks.append(water)
        case .hills, .forest: checks.append(greenGround)
        case .mountains: checks.append(ridge)
        case nil: break
        }
        return checks
    }

    private var sky: RGBColor { grid.pixels(rows: Self.skyRows).median }

    private func skyBrightness(_ time: SceneTime) -> AdherenceCheck {
        let band = Self.skyLuminance(time), luminance = sky.luminance
        return AdherenceCheck(name: "sky brightness fits \(time.rawValue)", passed: band.contains(luminance),
                              measured: luminance,
                              expectation: "median sky luminance \(Int(band.lowerBound))..<\(Int(band.upperBound))")
    }

    private func timeColor(_ time: SceneTime) -> AdherenceCheck {
        switch time {
        case .day:
            let blueness = sky.blue - sky.red
            return AdherenceCheck(name: "blue daytime sky", passed: blueness >= Self.daySkyBlueness,
                                  measured: blueness, expectation: "blue - red >= \(Int(Self.daySkyBlueness))")
        case .sunset:
            let warm = warmFraction
            return AdherenceCheck(name: "warm (red/orange) upper half at sunset", passed: warm >= Self.warmFraction,
                                  measured: warm, expectation: ">= \(Self.warmFraction) of its pixels orange")
        case .dusk:
            let warm = warmFraction
            return AdherenceCheck(name: "no sunset glow at dusk", passed: warm < Self.warmFraction,
                                  measured: warm, expectation: "< \(Self.warmFraction) of the upper half orange")
        case .night:
            let luminance = grid.pixels(rows: Self.groundRows).median.luminance
            return AdherenceCheck(name: "dark ground at night", passed: luminance <= Self.nightGroundLuminance,
                                  measured: luminance,
                                  expectation: "median luminance of the bottom quarter <= \(Int(Self.nightGroundLuminance))")
        }
    }

    /// Sunset orange: red and well redder than blue, with enough green to be orange rather than the
    /// pure red of a lighthouse stripe.
    private var warmFraction: Double {
        let pixels = grid.pixels(rows: Self.upperHalfRows)
        let warm = pixels.count { $0.red >= 150 && $0.red - $0.blue >= 60 && $0.green >= 70 }
        return Double(warm) / Double(pixels.count)
    }

    private var water: AdherenceCheck {
        let band = grid.pixels(rows: Self.waterRows).median
        let ratio = band.blue / max(band.green, 1)
        return AdherenceCheck(name: "blue-ish water below the horizon", passed: ratio >= Self.waterBlueOverGreen,
                              measured: ratio, expectation: "blue / green >= \(Self.waterBlueOverGreen)")
    }

    private var greenGround: AdherenceCheck {
        let band = grid.pixels(rows: Self.waterRows).median
        let ratio = band.green / max(band.red, band.blue, 1)
        return AdherenceCheck(name: "green ground below the horizon", passed: ratio >= Self.groundGreenness,
                              measured: ratio, expectation: "green / max(red, blue) >= \(Self.groundGreenness)")
    }

    private var ridge: AdherenceCheck {
        var off = 0, total = 0
        for row in Self.ridgeRows {
            let pixels = grid.pixels(rows: row..<row + 1), median = pixels.median
            off += pixels.count { $0.distance(to: median) > Self.ridgeColorDistance }
            total += pixels.count
        }
        let fraction = Double(off) / Double(total)
        return AdherenceCheck(name: "mountain ridges break the sky", passed: fraction >= Self.ridgeFraction,
                              measured: fraction,
                              expectation: ">= \(Self.ridgeFraction) of rows \(Self.ridgeRows.lowerBound)..<"
                                  + "\(Self.ridgeRows.upperBound) off their row's colour")
    }
}
