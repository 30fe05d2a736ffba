import Foundation
import Testing
@testable import SparklerCore
@testable import SparklerTUI

@Suite struct CompareTests {
    private let view = PlaygroundView(
        theme: ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme,
        pictures: BlockPictures()
    )

    /// A state with a prompt and a locked seed, the compare menu opened on `choice` and run.
    private func compared(_ choice: CompareChoice, seed: Int = 100, confirmAbove: Int = 300) -> (AppState, [Effect]) {
        var state = makeState()
        state.compareConfirmSteps = confirmAbove
        state.type("a red fox")
        state.form.seed = seed
        state.form.seedLocked = true
        state.press(.function(6))
        state.overlay = .compareMenu(choice)
        let effects = state.press(.enter)
        return (state, effects)
    }

    @Test(arguments: [(60, 16), (80, 24), (120, 40), (200, 60)])
    func gridCellsTileTheAreaForEveryCount(width: Int, height: Int) throws {
        let state = makeState(width: width, height: height)
        let area = try #require(state.layout?.image.inset(by: 1))
        for count in 1...9 {
            let shape = GridShape.fitting(count: count)
            #expect(shape.rows * shape.columns >= count)
            #expect(shape.columns >= shape.rows, "wider than tall")
            let layout = CompareGridLayout(area: area, rows: shape.rows, columns: shape.columns)
            for (index, cell) in layout.cells.enumerated() {
                #expect(cell.x >= area.x && cell.maxX <= area.maxX && cell.y >= area.y && cell.maxY <= area.maxY)
                for other in layout.cells[(index + 1)...] {
                    #expect(cell.maxX <= other.x || other.maxX <= cell.x || cell.maxY <= other.y || other.maxY <= cell.y)
                }
            }
        }
    }

    @Test func fourSeedsFromTheLockedSeed() {
        let (state, effects) = compared(.seeds4)
        guard case .runComparison(let plan, _, let groupID)? = effects.first else {
            Issue.record("expected a comparison to run, got \(effects)")
            return
        }
        #expect(plan.cells.map(\.request.seed) == [100, 101, 102, 103])
        #expect(plan.cells.map(\.label) == ["seed 100", "seed 101", "seed 102", "seed 103"])
        #expect(plan.rows == 2 && plan.columns == 2)
        #expect(state.compare?.groupID == groupID)
        #expect(state.focus == .compare)
        #expect(state.isComparing)
    }

    @Test func anXYPlotAsksFirstWhenItCostsMoreThanTheThreshold() {
        var (state, effects) = compared(.cfgBySeed, confirmAbove: 200)
        #expect(effects.isEmpty)
        guard case .confirmCompare(let plan, _)? = state.overlay else {
            Issue.record("expected a confirmation, got \(String(describing: state.overlay))")
            return
        }
        #expect(plan.cells.count == 9)
        #expect(plan.billedSteps == 270)
        #expect(Set(plan.cells.map(\.request.cfgScale)) == [1.0, 3.0, 5.0])
        #expect(view.render(state).text.contains("9 pictures will bill 270 steps"))
        state.compareConfirmSteps = 1000
        state.overlay = nil
        state.press(.function(6))
        state.overlay = .compareMenu(.cfgBySeed)
        #expect(state.press(.enter).contains { if case .runComparison = $0 { true } else { false } })
    }

    @Test func cellsFillOutOfOrderAndOneFailureStaysInItsCell() throws {
        var (state, _) = compared(.seeds4)
        state.send(.comparison(.started(cell: 0)), .comparison(.started(cell: 1)), .comparison(.started(cell: 2)))
        state.send(.comparison(.finished(cell: 2, entry: makeEntry(id: 12, prompt: "a red fox"))))
        state.send(.comparison(.failed(cell: 0, message: "HTTP 500 from Fireworks")))
        let grid = try #require(state.compare)
        #expect(grid.cells[2].status == .done(makeEntry(id: 12, prompt: "a red fox")))
        #expect(grid.cells[0].status == .failed("HTTP 500 from Fireworks"))
        #expect(grid.cells[1].status == .running)
        #expect(grid.cells[3].status == .waiting)
        let text = view.render(state).text
        #expect(text.contains("✗ HTTP 500"))
        #expect(text.contains("making"))
        #expect(text.contains("waiting"))
        #expect(text.contains("comparing: 1 of 4 done · 1 failed"))

        state.send(.comparison(.finished(cell: 1, entry: makeEntry(id: 11, prompt: "a red fox"))))
        let effects = state.send(.comparison(.finished(cell: 3, entry: makeEntry(id: 13, prompt: "a red fox"))))
        #expect(!state.isComparing)
        #expect(state.sessionSteps == 90)
        #expect(state.status.text.contains("3 of 4 made, 1 failed"))
        #expect(effects.contains { if case .loadHistory = $0 { true } else { false } })
    }

    @Test func escCancelsThenClosesAndEnterTakesACellIntoTheForm() throws {
        var (state, _) = compared(.seeds4)
        #expect(state.press(.escape) == [.cancelComparison])
        state.send(.comparison(.finished(cell: 0, entry: makeEntry(id: 1, prompt: "a red fox"))))
        state.send(.comparison(.finished(cell: 3, entry: makeEntry(id: 4, prompt: "a red fox"))))
        state.send(.comparison(.cancelled(cell: 1)), .comparison(.cancelled(cell: 2)))
        #expect(!state.isComparing)
        #expect(view.render(state).text.contains("cancelled"))

        state.press(.right)
        state.press(.down)
        #expect(state.compare?.selected == 3)
        state.press(.enter)
        #expect(state.compare == nil)
        #expect(state.picture?.id == 4)
        #expect(state.form.seed == 44, "the cell's seed is in the form")
        #expect(state.form.seedLocked)
        #expect(state.focus == .prompt)
    }

    @Test func markedEntriesAndGroupsOpenAsGrids() {
        var state = makeState()
        state.focus = .history
        let entries = (1...3).map { makeEntry(id: Int64($0), prompt: "prompt \($0)") }
        state.send(.historyLoaded(queryID: state.history.queryID, entries: entries, append: false, total: 3))
        state.press(.character("c"))
        #expect(state.compare == nil)
        #expect(state.status.text.contains("Mark 2 to 9"))
        state.press(.character(" "))
        state.press(.character(" "))
        state.press(.character("c"))
        #expect(state.compare?.cells.count == 2)
        #expect(state.focus == .compare)
        #expect(!state.isComparing)

        state.press(.escape)
        state.focus = .history
        #expect(state.press(.character("o")) == [.loadGroup("g3")])
        state.send(.groupLoaded(entries))
        #expect(state.compare?.cells.count == 3)
        #expect(view.render(state).text.contains("▸seed 11"))
    }

    /// Reopening a CFG × seed plot from history (`o`) lays it out as it was made: CFG across, seeds down.
    @Test func aReopenedPlotKeepsItsAxes() {
        var entries: [HistoryEntry] = []
        for (index, (cfg, seed)) in [(7.0, 2), (3.0, 1), (5.0, 1), (3.0, 2), (7.0, 1), (5.0, 2)].enumerated() {
            var entry = makeEntry(id: Int64(index + 1), prompt: "a red fox", cfg: cfg)
            entry.seed = seed
            entry.groupID = "plot"
            entries.append(entry)
        }
        var state = makeState()
        state.send(.groupLoaded(entries.reversed()))
        let grid = state.compare
        #expect(grid?.rows == 2 && grid?.columns == 3)
        #expect(grid?.title == "Group of 6: a red fox · 30 steps · 1024x1024 · playground-v2-1024px-aesthetic", "what the cells share")
        let placed = Dictionary(uniqueKeysWithValues: (grid?.cells ?? []).map { ("\($0.row),\($0.column)", $0.label) })
        #expect(placed == [
            "0,0": "CFG 3 · seed 1", "0,1": "CFG 5 · seed 1", "0,2": "CFG 7 · seed 1",
            "1,0": "CFG 3 · seed 2", "1,1": "CFG 5 · seed 2", "1,2": "CFG 7 · seed 2",
        ])
    }

    @Test func quittingWhileComparingAsks() {
        var (state, _) = compared(.seeds2)
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
        #expect(state.press(.character("y")).contains(.cancelComparison))
    }

    /// The menu offers only what the model can vary: seeds alone for FLUX Kontext, no sampler sweep for FLUX.
    @Test func theMenuOffersWhatTheModelTakes() throws {
        let catalogue = ModelCatalogue()
        #expect(CompareChoice.offered(for: try catalogue.resolve("flux-kontext-pro")) == [.seeds2, .seeds4, .seeds6, .seeds9])
        let flux = CompareChoice.offered(for: try catalogue.resolve("flux-1-dev-fp8"))
        #expect(flux.contains(.cfgSweep) && !flux.contains(.samplerSweep))
        #expect(CompareChoice.offered(for: try catalogue.resolve("playground-v2-1024px-aesthetic")) == CompareChoice.allCases)
    }

    /// f in the grid is a toggle: the second press takes the mark off again.
    @Test func fInTheGridToggles() {
        var state = makeState()
        state.type("a fox")
        state.overlay = .compareMenu(.seeds2)
        _ = state.press(.enter)
        state.send(.comparison(.finished(cell: 0, entry: makeEntry(id: 7, prompt: "a fox"))))
        state.focus = .compare
        #expect(state.press(.character("f")) == [.setFavourite(7, true)])
        #expect(state.press(.character("f")) == [.setFavourite(7, false)])
    }
}
