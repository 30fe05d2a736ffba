/// An amount of US dollars in millionths, so that sums of many small prices stay exact.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var micros: Int

    public init(micros: Int) {
        self.micros = micros
    }

    /// Rounded to the nearest millionth.
    public init(dollars: Double) {
        micros = Int((dollars * 1_000_000).rounded())
    }

    public static let zero = Money(micros: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros + rhs.micros) }
    public static func * (lhs: Money, count: Int) -> Money { Money(micros: lhs.micros * count) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }

    public var dollars: Double { Double(micros) / 1_000_000 }

    /// `$0.0039`, `$0.04`, `$12.35`: cents for a dollar or more, else enough decimals to show the amount
    /// (at most six), with trailing zeros dropped down to two decimals.
    public var description: String {
        let decimals = micros >= 1_000_000 || micros == 0 ? 2 : 6
        var text = String(format: "%.\(decimals)f", dollars)
        while decimals > 2, text.hasSuffix("0"), text.split(separator: ".").last.map({ $0.count > 2 }) == true {
            text.removeLast()
        }
        return "$" + text
    }
}
