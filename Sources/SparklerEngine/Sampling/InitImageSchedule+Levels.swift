import SparklerCore

extension InitImageSchedule {
    /// The part of a full schedule (`n` steps: n + 1 levels ending in `.clean`) that image to image runs.
    /// The init image is noised to the first returned level, then sampled through the rest.
    ///
    /// - `.imageStrength(s)` (1 keeps the init image, 0 ignores it): the last `round(n * (1 - s))` steps
    ///   (halves rounded up), like diffusers' `strength = 1 - s`.
    /// - `.stepSchedule(start:end:)`, read as Stability's API (which Fireworks follows) describes it: a
    ///   higher start or end gives the diffusion more say; start 0 returns the init image, start 1 a new
    ///   picture, so `start` equals `1 - image_strength` (start 0.65 is strength 0.35) and runs the last
    ///   `round(n * start)` steps of the schedule; `end` stops it `ceil(end * n)` steps from the
    ///   beginning of the full schedule (1: at the clean end). With end < 1 the last level is not clean
    ///   and the sampler returns its final denoised estimate.
    ///
    /// Fractions are clamped to 0...1, and products within 1e-9 of an integer count as that integer (so
    /// 0.35 * 20 is 7). When no step is left the result is `[.clean]`: the init image, not noised, is
    /// returned unchanged.
    public func levels(slicing levels: [NoiseLevel]) -> [NoiseLevel] {
        precondition(!levels.isEmpty, "a schedule has at least its final level")
        let n = Double(levels.count - 1)
        let first: Int
        let last: Int
        switch self {
        case .imageStrength(let strength):
            let steps = Int(Self.snapped(n * (1 - Self.clamped(strength))).rounded())
            first = levels.count - 1 - steps
            last = levels.count - 1
        case .stepSchedule(let start, let end):
            first = levels.count - 1 - Int(Self.snapped(n * Self.clamped(start)).rounded())
            last = Int(Self.snapped(n * Self.clamped(end)).rounded(.up))
        }
        guard first < last else { return [.clean] }
        return Array(levels[first...last])
    }

    private static func clamped(_ fraction: Double) -> Double {
        precondition(!fraction.isNaN, "an init image fraction is not a number")
        return min(max(fraction, 0), 1)
    }

    private static func snapped(_ value: Double) -> Double {
        let nearest = value.rounded()
        return abs(value - nearest) < 1e-9 ? nearest : value
    }
}
