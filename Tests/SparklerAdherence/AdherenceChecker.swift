import SparklerCore

/// Scores how well a picture follows its caption, for sparkler-tiny's scene language: the caption is
/// parsed into the attributes training/scenes.py draws (`SceneCaption`), and each attribute becomes one or
/// two measurable properties of the picture at 32x32 (`ShapeChecks`, `LandscapeChecks`). The score is
/// the fraction of those checks passed.
///
/// The checks are deliberately coarse (colours by nearest named colour, positions by centroid, sky by
/// median colour) so that a small, soft model's blobs pass where the drawn scenes do. Calibrated on
/// scenes drawn by training/adherence_samples.py: true scenes score 1 (0.997 on average), a caption
/// with swapped colours, another position or another time of day scores 0-0.4, and a wrong size or
/// ground fails just its one check.
public struct AdherenceChecker: Sendable {
    public init() {}

    public func check(_ image: RGBAImage, caption: String) -> AdherenceReport {
        guard let expected = SceneCaption(parsing: caption) else {
            let check = AdherenceCheck(name: "caption names a shape or a landscape", passed: false, measured: 0,
                                       expectation: "a colour and shape, or a time of day or ground")
            return AdherenceReport(caption: caption, expected: nil, checks: [check])
        }
        return AdherenceReport(caption: caption, expected: expected, checks: check(image, expected: expected))
    }

    public func check(_ image: RGBAImage, expected: SceneCaption) -> [AdherenceCheck] {
        let grid = ColorGrid(image)
        return switch expected {
        case .shape(let shape): ShapeChecks(grid: grid, expected: shape).all
        case .landscape(let landscape): LandscapeChecks(grid: grid, expected: landscape).all
        }
    }
}
