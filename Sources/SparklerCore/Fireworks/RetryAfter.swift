import Foundation

/// Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
enum RetryAfter {
    /// The wait the header asks for, never negative; nil when the value is neither form.
    static func delay(from value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        guard let date = httpDate(trimmed) else { return nil }
        let interval = date.timeIntervalSince(now)
        // HTTP dates have whole seconds: round up so the retry does not come early.
        return .seconds(max(0, interval.rounded(.up)))
    }

    /// IMF-fixdate, plus the obsolete RFC 850 and asctime forms that recipients must accept.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
