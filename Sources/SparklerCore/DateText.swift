import Foundation

/// Dates written as text by hand: Foundation's formatters load ICU's calendar and time-zone data on first use,
/// milliseconds of every command that records or lists pictures.
public enum DateText {
    /// `2026-12-07T15:46:24Z`, whole seconds, as JSONEncoder's `.iso8601` writes it (and reads it back).
    public static func iso8601(_ date: Date) -> String {
        let (day, time, _) = fields(milliseconds: Int((date.timeIntervalSince1970 * 1000).rounded(.down)))
        return "\(day)T\(time)Z"
    }

    /// `2026-12-07 15:46:24.000`, as GRDB stores a Date (to the nearest millisecond), so old and new rows compare
    /// and sort alike.
    public static func sqlite(_ date: Date) -> String {
        let (day, time, milliseconds) = fields(milliseconds: Int((date.timeIntervalSince1970 * 1000).rounded()))
        return "\(day) \(time)." + padded(milliseconds, 3)
    }

    /// A date on the local calendar and clock (`TZ`, else /etc/localtime), without Foundation's Calendar.
    public struct Local: Equatable, Sendable {
        public var year, month, day, hour, minute, second: Int

        public init(_ date: Date) {
            var clock = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            localtime_r(&clock, &parts)
            (year, month, day) = (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
            (hour, minute, second) = (Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        }

        public func isSameDay(as other: Local) -> Bool {
            (year, month, day) == (other.year, other.month, other.day)
        }

        /// `2026-12-07`
        public var dayText: String { DateText.padded(year, 4) + "-" + DateText.padded(month, 2) + "-" + DateText.padded(day, 2) }
        /// `12-07`
        public var monthDayText: String { DateText.padded(month, 2) + "-" + DateText.padded(day, 2) }
        /// `16:46`
        public var minuteText: String { DateText.padded(hour, 2) + ":" + DateText.padded(minute, 2) }
        /// `16:46:05`
        public var secondText: String { minuteText + ":" + DateText.padded(second, 2) }
    }

    /// `2026-12-07 16:46`, local time, as `history list` shows a date.
    public static func localMinutes(_ date: Date) -> String {
        let local = Local(date)
        return local.dayText + " " + local.minuteText
    }

    /// A JSONEncoder date strategy that writes `iso8601(_:)`.
    public static let jsonEncoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(iso8601(date))
    }

    private static func fields(milliseconds sinceEpoch: Int) -> (day: String, time: String, milliseconds: Int) {
        var (seconds, milliseconds) = sinceEpoch.quotientAndRemainder(dividingBy: 1000)
        if milliseconds < 0 { (seconds, milliseconds) = (seconds - 1, milliseconds + 1000) }
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        let day = padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-" + padded(Int(parts.tm_mday), 2)
        let time = padded(Int(parts.tm_hour), 2) + ":" + padded(Int(parts.tm_min), 2) + ":" + padded(Int(parts.tm_sec), 2)
        return (day, time, milliseconds)
    }

    fileprivate static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
