import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// Money in dollars on the command line: each picture's cost in `--json`, the estimate before a
/// comparison, and `history spend` by day and model.
@Suite struct SpendCommandTests {
    private static let key = "fw-spend-secret-0123456789"

    @Test func costsShowAndAddUp() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }

        let sd = try await cli.run(["generate", "a red fox", "--size", "1024x1024", "--steps", "20", "--json"])
        #expect(sd.status == 0, "\(sd.stderr)")
        let cost = try #require(try JSONSerialization.jsonObject(with: Data(sd.stdout.utf8)) as? [[String: Any]]).first?["cost_usd"] as? Double
        #expect(cost.map { abs($0 - 0.0026) < 1e-9 } == true, "20 steps at $0.00013: \(String(describing: cost))")
        let kontext = try await cli.run(["generate", "a red fox", "--model", "flux-kontext-pro"])
        #expect(kontext.status == 0, "\(kontext.stderr)")
        let compare = try await cli.run(["compare", "a red fox", "--count", "2", "--steps", "10", "--size", "1024x1024"])
        #expect(compare.stderr.contains("20 steps billed, about $0.0026"), "\(compare.stderr)")
        await server.shutdown()

        let byModel = try await cli.run(["history", "spend", "--by", "model"])
        #expect(byModel.status == 0, "\(byModel.stderr)")
        let lines = byModel.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("model") == true)
        #expect(lines.contains { $0.contains("flux-kontext-pro") && $0.hasSuffix("$0.04") }, "\(byModel.stdout)")
        #expect(lines.contains { $0.contains("playground-v2-1024px-aesthetic") && $0.hasSuffix("$0.0052") }, "\(byModel.stdout)")
        #expect(lines.contains { $0.hasPrefix("total") && $0.hasSuffix("$0.0452") }, "\(byModel.stdout)")
        #expect(lines.last?.contains("as read \(PriceTable.readOn)") == true, "the prices' date is said")

        let byDay = try await cli.run(["history", "spend", "--json"])
        let days = try #require(try JSONSerialization.jsonObject(with: Data(byDay.stdout.utf8)) as? [[String: Any]])
        #expect(days.count == 1 && (days.first?["cost_usd"] as? Double).map { abs($0 - 0.0452) < 1e-9 } == true, "\(byDay.stdout)")
        #expect(try await cli.run(["history", "spend", "--by", "week"]).status == 2)
    }
}
