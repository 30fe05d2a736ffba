import Foundation
import GRDB
import Testing
@testable import SparklerCore

/// Dates written by hand read the same as Foundation's and GRDB's formatters wrote them, so rows and pictures made
/// before and after compare, sort and parse alike.
@Suite struct DateTextTests {
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 1_796_658_389),  // 2026-12-07 15:46:29
        Date(timeIntervalSince1970: 1_796_658_389.123),
        Date(timeIntervalSince1970: 1_796_658_389.9996),
        Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29, a leap day
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: -1.5),  // before 1970: the fraction counts back
        Date(timeIntervalSince1970: 4_102_444_799),  // 2099-12-31 23:59:59
    ]

    @Test(arguments: dates) func theDatabaseTextIsGRDBs(date: Date) throws {
        let grdb = try #require(String.fromDatabaseValue(date.databaseValue))
        #expect(DateText.sqlite(date) == grdb)
    }

    @Test(arguments: dates) func theJSONTextIsJSONEncodersISO8601(date: Date) throws {
        let foundation = JSONEncoder()
        foundation.dateEncodingStrategy = .iso8601
        let handWritten = JSONEncoder()
        handWritten.dateEncodingStrategy = DateText.jsonEncoding
        #expect(String(decoding: try handWritten.encode([date]), as: UTF8.self) == String(decoding: try foundation.encode([date]), as: UTF8.self))
    }

    @Test(arguments: dates) func theLocalTimeIsDateFormattersInTheSameZone(date: Date) {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        #expect(DateText.localMinutes(date) == formatter.string(from: date))
    }

    @Test(arguments: dates) func theLocalFieldsAreTheCalendars(date: Date) {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let local = DateText.Local(date)
        #expect([local.year, local.month, local.day, local.hour, local.minute, local.second] == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second])
        #expect(local.isSameDay(as: DateText.Local(date.addingTimeInterval(60))) == Calendar.current.isDate(date, inSameDayAs: date.addingTimeInterval(60)))
    }

    @Test(arguments: dates) func theLocalTextsAreDateFormattersInTheSameZone(date: Date) {
        func formatted(_ format: String) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = format
            // Whole seconds: DateFormatter rounds 29.9996 s to :30, a clock (and Calendar, checked above) shows :29.
            return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        }
        let local = DateText.Local(date)
        #expect(local.dayText == formatted("yyyy-MM-dd"))
        #expect(local.monthDayText == formatted("MM-dd"))
        #expect(local.minuteText == formatted("HH:mm"))
        #expect(local.secondText == formatted("HH:mm:ss"))
    }

    @Test func aDateReadBackFromTheDatabaseIsTheSame() throws {
        let date = Date(timeIntervalSince1970: 1_796_658_389)
        let queue = try DatabaseQueue()
        let read = try queue.read { try Date.fetchOne($0, sql: "SELECT ?", arguments: [DateText.sqlite(date)]) }
        #expect(read == date)
    }
}
