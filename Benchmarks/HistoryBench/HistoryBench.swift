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
        print("| operation on \(rows) entries | mean [ms] | runs |")
        print("|:---|---:|---:|")
        try measure("first page (200) and count") {
            _ = try history.entries(HistoryQuery(limit: HistoryPane.pageSize))
            _ = try history.count()
        }
        let middle = Int64(rows / 2)
        try measure("page 250 of 500 (keyset, before id \(middle))") {
            _ = try history.entries(HistoryQuery(beforeID: middle, limit: HistoryPane.pageSize))
        }
        try measure("search `sunset oce` (FTS5, prefix), first page and count") {
            let query = HistoryQuery(search: "sunset oce", limit: HistoryPane.pageSize)
            _ = try history.entries(query)
            _ = try history.count(query)
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

    @discardableResult
    static func measure(_ name: String, runs: Int = 200, _ body: () throws -> Void) throws -> Double {
        try body()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<runs { try body() }
        }
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 / Double(runs)
            + Double(elapsed.components.seconds) * 1000 / Double(runs)
        print("| \(name) | \(String(format: "%.3f", milliseconds)) | \(runs) |")
        return milliseconds
    }

    /// Rows as the store writes them, inserted in one transaction (the store writes one request at a time).
    static func fill(_ database: DatabaseQueue, count: Int) throws {
        var generator = SystemRandomNumberGenerator()
        try database.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO historyEntry (createdAt, groupID, backend, model, mode, prompt, width, height, cfgScale, steps,
                    requestedSeed, seed, samples, format, safetyCheck, outcome, stepsBilled, isFavourite)
                VALUES (?, ?, 'fireworks', ?, 'text-to-image', ?, 1024, 1024, 3, 30, 0, ?, 1, 'jpeg', 0, ?, 30, ?)
                """)
            let start = Date(timeIntervalSinceNow: -Double(count) * 60)
            for index in 0..<count {
                let prompt = (0..<5).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
                try statement.execute(arguments: [
                    start.addingTimeInterval(Double(index) * 60), UUID().uuidString, ModelCatalogue.defaultModelID,
                    "a \(prompt) \(index)", Int.random(in: 1...2_147_483_647, using: &generator),
                    index % 50 == 0 ? "failed" : "success", index % 20 == 0,
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
