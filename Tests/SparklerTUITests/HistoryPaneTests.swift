import Foundation
import Testing
@testable import SparklerCore
@testable import SparklerTUI

@Suite struct HistoryPaneTests {
    private func loaded(_ count: Int) -> AppState {
        var state = makeState()
        state.focus = .history
        let entries = (0..<count).map { makeEntry(id: Int64(count - $0), prompt: "prompt \(count - $0)") }
        state.send(.historyLoaded(queryID: state.history.queryID, entries: Array(entries.prefix(HistoryPane.pageSize)), append: false, total: count))
        return state
    }

    /// A row shows today's entries by the minute and older ones by the day, on the local calendar.
    @Test func aRowShowsTheTimeTodayAndTheDayBefore() throws {
        let calendar = Calendar.current
        let now = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 7, hour: 16, minute: 46)))
        let morning = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 7, hour: 9, minute: 5)))
        let lastNight = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 6, hour: 23, minute: 59)))
        #expect(HistoryPaneView.time(morning, now: now) == "09:05")
        #expect(HistoryPaneView.time(lastNight, now: now) == "12-06")
    }

    @Test func actionsOnTheSelectedEntry() {
        var state = loaded(5)
        state.press(.down)
        #expect(state.history.selectedEntry?.id == 4)
        state.press(.enter)
        #expect(state.picture?.id == 4)
        #expect(state.press(.character("f")) == [.setFavourite(4, true)])
        #expect(state.press(.character("e")) == [.loadRequest(4, run: false)])
        #expect(state.press(.character("r")) == [.loadRequest(4, run: true)])
        #expect(state.press(.character("d")).isEmpty)
        #expect(state.overlay == .confirmDelete(4))
        #expect(state.press(.character("y")) == [.delete(4)])
        state.press(.character("x"))
        #expect(state.overlay == .exportPath(4, TextInput("sparkler-4.jpg")))
        #expect(state.press(.enter) == [.export(4, path: "sparkler-4.jpg")])
        #expect(state.status.text == "Exporting 4 to sparkler-4.jpg…", "the wait shows until the writer says how it went")
        state.press(.character(" "))
        #expect(state.history.marked == [4])
    }

    @Test func searchAsYouTypeIgnoresStalePages() {
        var state = loaded(5)
        state.press(.character("/"))
        let first = state.type("sun")
        #expect(first.count == 3)
        guard case .loadHistory(let query, let queryID, false)? = first.last else {
            Issue.record("expected a history query")
            return
        }
        #expect(query.search == "sun")
        state.send(.historyLoaded(queryID: queryID - 1, entries: [makeEntry(id: 99, prompt: "stale")], append: false, total: 1))
        #expect(state.history.entries.count == 5, "a page for an older query is ignored")
        state.send(.historyLoaded(queryID: queryID, entries: [makeEntry(id: 3, prompt: "sunset")], append: false, total: 1))
        #expect(state.history.entries.map(\.id) == [3])
        state.press(.escape)
        #expect(!state.history.isSearching && state.history.search.text.isEmpty)
    }

    @Test func scrollingNearTheEndLoadsTheNextPage() {
        var state = loaded(1000)
        #expect(state.history.entries.count == HistoryPane.pageSize)
        var effects: [Effect] = []
        for _ in 0..<160 { effects += state.press(.down) }
        guard case .loadHistory(let query, _, true)? = effects.last else {
            Issue.record("expected the next page to load, got \(effects.suffix(2))")
            return
        }
        #expect(query.beforeID == state.history.entries.last?.id)
        #expect(state.history.selected == 160)
        #expect(state.history.scroll > 0, "the selection stays visible")
    }

    @Test func filterCyclesAndReloads() {
        var state = loaded(3)
        let effects = state.press(.character("v"))
        #expect(state.history.filter == .favourites)
        guard case .loadHistory(let query, _, false)? = effects.first else {
            Issue.record("expected a reload")
            return
        }
        #expect(query.favouritesOnly)
    }

    @Test func mouseSelectsAndScrolls() throws {
        var state = loaded(30)
        state.focus = .prompt
        let pane = try #require(state.layout?.history)
        let list = HistoryPaneLayout(pane: pane).list
        state.send(.input(.mouse(MouseEvent(kind: .press, x: list.x + 3, y: list.y + 2))))
        #expect(state.focus == .history)
        #expect(state.history.selected == 2)
        state.send(.input(.mouse(MouseEvent(kind: .wheelDown, button: 0, x: list.x + 3, y: list.y + 2))))
        #expect(state.history.selected == 5)
    }

    @Test func clickingAndDraggingASliderSetsItsValue() throws {
        var state = makeState()
        let panel = try #require(state.layout?.parameters)
        let row = try #require(ParameterPanelLayout(panel: panel, fields: state.fields, focused: nil).rows.first { $0.field == .steps })
        state.send(.input(.mouse(MouseEvent(kind: .press, x: row.bar.maxX - 1, y: row.y))))
        #expect(state.focus == .parameter(.steps))
        #expect(state.form.steps == 150)
        state.send(.input(.mouse(MouseEvent(kind: .drag, x: row.bar.x, y: row.y))))
        #expect(state.form.steps == 1)
    }

    /// A page with rows this Sparkler cannot read lists the rest, says what was left out, and keeps paging by
    /// the rows the page held.
    @Test func unreadableRowsAreNamedAndPagingGoesOn() {
        var state = makeState()
        let entries = (1...Int64(HistoryPane.pageSize - 1)).reversed().map { makeEntry(id: $0 + 1, prompt: "fox \($0)") }
        state.send(.historyLoaded(
            queryID: state.history.queryID, entries: entries, append: false, total: HistoryPane.pageSize + 50,
            rows: HistoryPane.pageSize, unreadable: ["history entry 1 cannot be read: its stored request is not JSON"]))
        #expect(state.history.entries.count == HistoryPane.pageSize - 1)
        #expect(!state.history.reachedEnd, "the page was full of rows, so more may follow")
        #expect(state.status.kind == .warning && state.status.text.contains("Left out of the list: history entry 1 cannot be read"))
    }
}

/// At 80×24 the history takes the image pane's place while it has the focus.
@Suite struct NarrowHistoryTests {
    @Test func enterOnAnEntryShowsItsPictureAndShiftTabGoesBack() throws {
        var state = makeState(width: 80, height: 24)
        state.focus = .history
        let entries = (1...3).map { makeEntry(id: Int64(4 - $0), prompt: "prompt \($0)") }
        state.send(.historyLoaded(queryID: state.history.queryID, entries: entries, append: false, total: 3))
        #expect(state.layout?.image.width == 0, "the list covers the image pane")
        state.press(.down)
        state.press(.enter)
        #expect(state.picture?.id == 2)
        #expect(state.focus == .prompt)
        let image = try #require(state.layout?.image)
        #expect(image.width > 0)
        let view = PlaygroundView(
            theme: ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme,
            pictures: BlockPictures())
        let frame = view.render(state)
        let pictureCells = (image.y..<image.maxY).flatMap { y in (image.x..<image.maxX).map { frame[$0, y].text } }.filter { $0 == "#" }
        #expect(pictureCells.count > 100, "the picture is drawn in the image pane")
        #expect(state.status.text.contains("Shift-Tab goes back to the history"))
        state.press(.backTab)
        #expect(state.focus == .history)
        #expect(state.history.selectedEntry?.id == 2, "the selection is kept")
    }

    @Test func aFailedEntryKeepsTheListOpen() {
        var state = makeState(width: 80, height: 24)
        state.focus = .history
        state.send(.historyLoaded(queryID: state.history.queryID, entries: [makeEntry(id: 1, prompt: "x", outcome: .failed)], append: false, total: 1))
        state.press(.enter)
        #expect(state.focus == .history)
        #expect(state.status.kind == .error)
    }
}
