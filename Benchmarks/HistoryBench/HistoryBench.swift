import Foundation
import GRDB
import SparklerCore
import SparklerGraphics
import SparklerTUI

/// How the history pane behaves with 100,000 entries: fills a history with that many rows, then
/// times what the playground does with them (first page, a deep page, search, a full redraw).
/// Prints Markdown; `scripts/bench.sh` runs it and compares the search with the sqlite3 CLI.
@main
struct HistoryBench {
    static let rows = 100_000
    static let words = ["sunset", "ocean", "lighthouse", "fox", "mountains", "forest", "city", "night", "snow", "river"]

    static func main() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? NSTemporaryDirectory() + "sparkler-bench-history")
        let history = try HistoryStore(directory: directory, appVersion: SparklerVersion.current)
        if try history.count() < rows {
            try fill(DatabaseQueue(path: directory.appendingPathComponent("history.sqlite").path), count: rows - history.count())
        }
        print("| operation on \(rows) entries | mean [ms] | p50 [ms] | runs |")
        print("|:---|---:|---:|---:|")
        try measure("first page (200) and count") {
            _ = try history.pageAndCount(HistoryQuery(limit: HistoryPane.pageSize))
        }
        try measure("the 400 newest prompts, for recall (after every picture)") {
            _ = try history.recentPrompts(limit: 400)
        }
        let middle = Int64(rows / 2)
        try measure("page 250 of 500 (keyset, before id \(middle))") {
            _ = try history.entries(HistoryQuery(beforeID: middle, limit: HistoryPane.pageSize))
        }
        let search = HistoryQuery(search: "sunset oce", limit: HistoryPane.pageSize)
        try measure("search `sunset oce` (FTS5, prefix): first page") {
            _ = try history.entries(search)
        }
        try measure("search `sunset oce`: count of matches") {
            _ = try history.count(search)
        }
        try measure("search `sunset oce`, first page then count") {
            _ = try history.page(search)
            _ = try history.count(search)
        }
        try measure("search `sunset oce`, first page and count side by side (the history pane)") {
            _ = try history.pageAndCount(search)
        }
        try measure("search `sunset oce` in favourites, first page and count side by side") {
            _ = try history.pageAndCount(HistoryQuery(search: "sunset oce", favouritesOnly: true, limit: HistoryPane.pageSize))
        }
        var state = AppState(
            width: 120, height: 40, catalogue: ModelCatalogue(), form: FormState(), backend: .available("fireworks")
        )
        state.focus = .history
        _ = state.update(.historyLoaded(
            queryID: state.history.queryID, entries: try history.entries(HistoryQuery(limit: HistoryPane.pageSize)),
            append: false, total: try history.count()
        ))
        let theme = ThemeCatalogue.load(named: nil, userDirectory: directory, environment: [:]).theme
        let view = PlaygroundView(theme: theme, pictures: NoPictures())
        try measure("scroll one row and redraw the 120x40 frame", runs: 2000) {
            _ = state.update(.input(.key(.down)))
            _ = view.render(state)
        }
    }

    /// Times `runs` calls one by one (after one to warm up) and prints the mean and the median.
    static func measure(_ name: String, runs: Int = 200, _ body: () throws -> Void) throws {
        try body()
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<runs {
            let elapsed = try clock.measure(body)
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        let mean = times.reduce(0, +) / Double(runs)
        let median = times.sorted()[runs / 2]
        print("| \(name) | \(String(format: "%.3f", mean)) | \(String(format: "%.3f", median)) | \(runs) |")
    }

    /// Rows as the store writes them (the request as one JSON document), inserted in one transaction (the store
    /// writes one request at a time).
    static func fill(_ database: DatabaseQueue, count: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try database.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO historyEntry (createdAt, groupID, backend, prompt, seed, outcome, stepsBilled, isFavourite,
                    request, requestVersion)
                VALUES (?, ?, 'fireworks', ?, ?, ?, 30, ?, ?, ?)
                """)
            let start = Date(timeIntervalSinceNow: -Double(count) * 60)
            for index in 0..<count {
                let prompt = "a " + (0..<5).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + " \(index)"
                let seed = Int.random(in: 1...2_147_483_647, using: &generator)
                let request = GenerationRequest(prompt: prompt, cfgScale: 3, steps: 30, seed: seed)
                try statement.execute(arguments: [
                    start.addingTimeInterval(Double(index) * 60), UUID().uuidString, prompt, seed,
                    index % 50 == 0 ? "failed" : "success", index % 20 == 0,
                    String(decoding: try encoder.encode(request), as: UTF8.self), GenerationRequest.documentVersion,
                ])
            }
        }
    }
}

/// The redraw is timed without pictures: decoding and rendering them is cached, and measured by
/// the render benchmark.
struct NoPictures: PictureSource {
    func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? { nil }
    func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? { nil }
}
