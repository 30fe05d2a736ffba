import Foundation
import GRDB
import Testing
@testable import SparklerCore

@Suite struct HistoryQueryTests {
    private func recordPrompts(_ prompts: [(String, String?)], in store: HistoryStore) throws -> [HistoryEntry] {
        try prompts.enumerated().flatMap { index, prompt in
            try store.record(
                request: HistoryFixtures.request(prompt: prompt.0, negativePrompt: prompt.1, seed: index + 1),
                backend: "fireworks", result: HistoryFixtures.result([HistoryFixtures.picture(gray: UInt8(index), seed: index + 1)])
            )
        }
    }

    @Test func searchFindsWordsInPromptsAndNegativePrompts() throws {
        let history = try TemporaryHistory()
        let entries = try recordPrompts([
            ("a red fox in the snow", "blurry"),
            ("a lighthouse at dusk", "red tint"),
            ("Café au lait, watercolour", nil),
        ], in: history.store)
        let ids = { (text: String) in try history.store.entries(HistoryQuery(search: text)).map(\.id) }
        #expect(try ids("red") == [entries[1].id, entries[0].id])
        #expect(try ids("fox snow") == [entries[0].id])
        #expect(try ids("BLURRY") == [entries[0].id])
        #expect(try ids("lightho") == [entries[1].id])  // the last word matches as a prefix while typing
        #expect(try ids("lightho ").isEmpty)           // a finished word must match whole
        #expect(try ids("cafe") == [entries[2].id])    // diacritics folded by the unicode61 tokenizer
        #expect(try ids("giraffe").isEmpty)
        #expect(try history.store.count(HistoryQuery(search: "red")) == 2)
    }

    @Test(arguments: [
        "\"", "\"\"", "*", "fox*", "\"fox", "NEAR(fox snow)", "fox NEAR snow", "fox AND", "OR", "NOT fox",
        "-fox", "^fox", "prompt:fox", "{prompt}: fox", "(fox", "fox)", "'; DROP TABLE historyEntry; --",
        "a \"red\" fox", "+", ":", "\u{0}", "🦊", "   ", "", "fox\"*\"snow",
    ])
    func hostileSearchTextNeverBreaksTheQuery(_ text: String) throws {
        let history = try TemporaryHistory()
        _ = try recordPrompts([("a red fox in the snow", "blurry")], in: history.store)
        let found = try history.store.entries(HistoryQuery(search: text))
        #expect(found.count <= 1)
        #expect(try history.store.count(HistoryQuery(search: text)) == found.count)
        #expect(try history.store.count() == 1)
    }

    @Test func searchTreatsOperatorsAsWords() throws {
        let history = try TemporaryHistory()
        let entries = try recordPrompts([("cats AND dogs", nil), ("cats and mice", nil), ("NEAR the sea", nil)], in: history.store)
        #expect(try history.store.entries(HistoryQuery(search: "NEAR")).map(\.id) == [entries[2].id])
        #expect(try history.store.entries(HistoryQuery(search: "and dogs")).map(\.id) == [entries[0].id])
        #expect(FullTextQuery.pattern(for: "say \"hi\" NEAR*") == "\"say\" \"\"\"hi\"\"\" \"NEAR*\"*")
        #expect(FullTextQuery.pattern(for: " * \" ") == nil)
    }

    @Test func keysetPagingWalksEveryEntryOnceNewestFirst() throws {
        let history = try TemporaryHistory()
        for batch in 0..<5 {
            try history.store.record(
                request: HistoryFixtures.request(seed: batch, samples: 10), backend: "fireworks",
                result: HistoryFixtures.result((0..<10).map { HistoryFixtures.picture(gray: UInt8(batch * 10 + $0), seed: $0) })
            )
        }
        var seen: [Int64] = []
        var query = HistoryQuery(limit: 7)
        while true {
            let page = try history.store.entries(query)
            guard let last = page.last?.id else { break }
            seen += page.compactMap(\.id)
            query.beforeID = last
        }
        #expect(seen.count == 50)
        #expect(seen == seen.sorted(by: >))
        #expect(try history.store.count() == 50)
    }

    /// A search is walked from the full-text index's newest match: page by page, with the favourite and failure
    /// filters, it gives exactly the entries a plain scan of the prompts finds, newest first, each once.
    @Test func searchPagesWithFiltersGiveWhatAPlainScanFinds() throws {
        let history = try TemporaryHistory()
        let words = ["sunset", "ocean", "fox", "oak"]
        var prompts: [(String, String?)] = []
        for index in 0..<60 {
            prompts.append(("a \(words[index % 4]) and \(words[(index / 4) % 4]) \(index)", nil))
        }
        let entries = try recordPrompts(prompts, in: history.store)
        for entry in entries.enumerated() where entry.offset % 3 == 0 {
            try history.store.setFavourite(true, id: try #require(entry.element.id))
        }
        for (search, favourites) in [("sunset oc", false), ("sunset oc", true), ("o", false), ("oak fox", true)] {
            let terms = search.split(separator: " ")
            let expected = entries.enumerated().filter { index, entry in
                let promptWords = entry.prompt.split(separator: " ")
                let matches = terms.enumerated().allSatisfy { position, term in
                    promptWords.contains { position == terms.count - 1 ? $0.hasPrefix(term) : $0 == term }
                }
                return matches && (!favourites || index % 3 == 0)
            }.map(\.element.id).reversed()
            var query = HistoryQuery(search: search, favouritesOnly: favourites, limit: 4)
            var seen: [Int64?] = []
            while let last = try history.store.entries(query).last?.id {
                seen += try history.store.entries(query).map(\.id)
                query.beforeID = last
            }
            #expect(seen == Array(expected), "\(search), favourites only: \(favourites)")
            #expect(try history.store.count(HistoryQuery(search: search, favouritesOnly: favourites)) == expected.count)
        }
    }

    /// The history pane reads a page and the count side by side (the count on another reader): the same page and
    /// the same count as read one after the other, for every filter, and a count larger than the page.
    @Test func pageAndCountSideBySideAgreeWithEachReadAlone() throws {
        let history = try TemporaryHistory()
        let entries = try recordPrompts((0..<30).map { ("a \(["sunset", "ocean", "fox"][$0 % 3]) \($0)", nil) }, in: history.store)
        for entry in entries.enumerated() where entry.offset % 4 == 0 {
            try history.store.setFavourite(true, id: try #require(entry.element.id))
        }
        for query in [
            HistoryQuery(limit: 7), HistoryQuery(search: "sunset", limit: 4), HistoryQuery(search: "oce", favouritesOnly: true, limit: 2),
            HistoryQuery(search: "giraffe"), HistoryQuery(favouritesOnly: true, beforeID: entries[20].id, limit: 3),
        ] {
            let (page, total) = try history.store.pageAndCount(query)
            #expect(page.entries.map(\.id) == (try history.store.page(query).entries.map(\.id)), "\(query)")
            #expect(total == (try history.store.count(query)), "\(query)")
        }
        #expect(try history.store.pageAndCount(HistoryQuery(search: "sunset", limit: 4)).total == 10)
    }

    /// What Up recalls: the newest entries' prompts, newest first, each once, within the limit of entries read.
    @Test func recentPromptsAreTheNewestEntriesPromptsEachOnce() throws {
        let history = try TemporaryHistory()
        _ = try recordPrompts(["a fox", "a cat", "a fox", "an owl", "a cat", "a bee"].map { ($0, nil) }, in: history.store)
        #expect(try history.store.recentPrompts(limit: 400) == ["a bee", "a cat", "an owl", "a fox"])
        #expect(try history.store.recentPrompts(limit: 3) == ["a bee", "a cat", "an owl"])
        #expect(try history.store.recentPrompts(limit: 2) == ["a bee", "a cat"])
        var seen = Set<String>()
        #expect(try history.store.recentPrompts(limit: 5)
            == history.store.entries(HistoryQuery(limit: 5)).map(\.prompt).filter { seen.insert($0).inserted })
    }

    /// A read that fails is thrown, after the other has finished, rather than waited on or lost.
    @Test func pageAndCountThrowWhenTheIndexIsGone() throws {
        let history = try TemporaryHistory()
        _ = try recordPrompts([("a red fox", nil)], in: history.store)
        let raw = try DatabaseQueue(path: history.directory.appending(path: "history.sqlite").path)
        try raw.write { try $0.execute(sql: "DROP TABLE historyEntry_ft") }
        try raw.close()
        #expect(throws: DatabaseError.self) { try history.store.pageAndCount(HistoryQuery(search: "fox")) }
        #expect(try history.store.pageAndCount(HistoryQuery()).total == 1, "the store still answers what it can")
    }

    /// Counting a search within a filter lists the full-text matches once and looks each up in the entry
    /// table; driven from the filter's index instead, SQLite asked the full-text index once per favourite
    /// (180 ms for 5,000 favourites of 100,000 entries, BENCHMARKS.md).
    @Test(arguments: [HistoryQuery(search: "sunset oc", favouritesOnly: true), HistoryQuery(search: "sunset oc", failuresOnly: true)])
    func aFilteredSearchCountListsTheMatchesOnce(query: HistoryQuery) throws {
        let history = try TemporaryHistory()
        let count = query.count
        let plan = try history.store.database.read { db in
            let statement = try count.makePreparedRequest(db, forSingleResult: true).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("LIST SUBQUERY") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH e USING") && $0.contains("rowid=?") }, "\(plan)")
    }

    @Test func favouritesToggleAndFilter() throws {
        let history = try TemporaryHistory()
        let entries = try recordPrompts([("one", nil), ("two", nil), ("three", nil)], in: history.store)
        let second = try #require(entries[1].id)
        #expect(try history.store.toggleFavourite(id: second))
        try history.store.setFavourite(true, id: try #require(entries[2].id))
        #expect(try history.store.entries(HistoryQuery(favouritesOnly: true)).map(\.id) == [entries[2].id, second])
        #expect(try history.store.toggleFavourite(id: second) == false)
        #expect(try history.store.count(HistoryQuery(favouritesOnly: true)) == 1)
        #expect(try history.store.entry(id: second)?.isFavourite == false)
        #expect(throws: HistoryError.entryNotFound(id: 999)) { try history.store.toggleFavourite(id: 999) }
    }

    @Test func failuresFilterCombinesWithSearch() throws {
        let history = try TemporaryHistory()
        _ = try recordPrompts([("a fox", nil)], in: history.store)
        let failedFox = try history.store.recordFailure(request: HistoryFixtures.request(prompt: "a fox"), backend: "fireworks", message: "HTTP 500")
        let failedOwl = try history.store.recordFailure(request: HistoryFixtures.request(prompt: "an owl"), backend: "fireworks", message: "timeout")
        #expect(try history.store.entries(HistoryQuery(failuresOnly: true)).map(\.id) == [failedOwl.id, failedFox.id])
        #expect(try history.store.entries(HistoryQuery(search: "fox", failuresOnly: true)).map(\.id) == [failedFox.id])
        #expect(try history.store.count(HistoryQuery(failuresOnly: true)) == 2)
    }
}
