/// One property a picture should have for its caption, and what the picture measured.
public struct AdherenceCheck: Sendable, Equatable, CustomStringConvertible {
    /// What is checked, e.g. "red at the stated position".
    public let name: String
    public let passed: Bool
    /// The measured value the verdict rests on.
    public let measured: Double
    /// The pass condition on `measured`, e.g. "<= 2 px".
    public let expectation: String

    public init(name: String, passed: Bool, measured: Double, expectation: String) {
        self.name = name
        self.passed = passed
        self.measured = measured
        self.expectation = expectation
    }

    public var description: String {
        "\(passed ? "pass" : "FAIL")  \(name): \(Self.format(measured)) (want \(expectation))"
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "none" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// How well a picture matches a caption: the checks its parsed attributes call for.
public struct AdherenceReport: Sendable, Equatable, CustomStringConvertible {
    public let caption: String
    /// Nil when the caption is outside sparkler-tiny's scene language; the report then has one failed check.
    public let expected: SceneCaption?
    public let checks: [AdherenceCheck]

    public init(caption: String, expected: SceneCaption?, checks: [AdherenceCheck]) {
        self.caption = caption
        self.expected = expected
        self.checks = checks
    }

    /// The fraction of checks passed, 0...1 (0 without checks).
    public var score: Double {
        checks.isEmpty ? 0 : Double(checks.count { $0.passed }) / Double(checks.count)
    }

    public var failed: [AdherenceCheck] { checks.filter { !$0.passed } }

    public var description: String {
        (["\"\(caption)\": score \(AdherenceCheck.format(score))"] + checks.map { "  \($0)" }).joined(separator: "\n")
    }
}
