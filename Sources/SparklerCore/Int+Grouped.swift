import Foundation

extension Int {
    /// `10,000`: thousands grouped with commas whatever the locale, as every message here is English.
    public var groupedThousands: String {
        formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }
}
