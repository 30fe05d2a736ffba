import Testing
@testable import SparklerCore

@Suite struct ComparisonConfigTests {
    @Test func readsTheCompareTable() throws {
        let config = try SparklerConfig.parse("""
            [compare]
            max_in_flight = 5
            confirm_above_steps = 1000
            """, file: "config.toml")
        #expect(config.compare.maxInFlight == 5)
        #expect(config.compare.confirmAboveSteps == 1000)
        #expect(try SparklerConfig.parse("", file: "config.toml").compare == SparklerConfig.CompareSettings())
    }

    @Test(arguments: [
        ("model = \"a\"\n\n[compare]\nmax_in_flight = 0", 4, "max_in_flight must be 1 to 16, not 0"),
        ("[compare]\nmax_in_flight = 17", 2, "max_in_flight must be 1 to 16"),
        ("[compare]\nmax_in_flight = \"3\"", 2, "max_in_flight must be a whole number"),
        ("[compare]\nconfirm_above_steps = -5", 2, "confirm_above_steps must be 0 (always ask) or more"),
        ("[compare]\nconfirm_above = 5", 2, "unknown key `confirm_above`; known keys here: confirm_above_steps, max_in_flight"),
        ("compare = 3", 1, "compare must be a table"),
    ])
    func reportsFileAndLine(source: String, line: Int, message: String) {
        do {
            _ = try SparklerConfig.parse(source, file: "/home/u/.config/sparkler/config.toml")
            Issue.record("expected an error for \(source)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("/home/u/.config/sparkler/config.toml:\(line): "))
        }
    }
}
