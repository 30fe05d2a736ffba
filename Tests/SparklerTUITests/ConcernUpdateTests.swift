import Foundation
import Testing
@testable import SparklerCore
@testable import SparklerTUI

/// Each concern of the playground updated on its own, through its own update function, with no `AppState`
/// around it: what it changes in itself and what it asks of the rest (its reactions).
@Suite struct NotificationsTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let idle = StatusMessage("Ready")

    @Test func postingStampsAndLogsEveryMessageBounded() {
        var notes = Notifications(StatusMessage("Welcome"), at: start)
        #expect(notes.current.postedAt == start)
        for index in 0..<250 {
            notes.post(StatusMessage("message \(index)"), at: start.addingTimeInterval(Double(index)))
        }
        #expect(notes.current.text == "message 249")
        #expect(notes.current.postedAt == start.addingTimeInterval(249))
        #expect(notes.log.count == Notifications.logLength)
        #expect(notes.log.first?.text == "message 50", "the oldest go first")
    }

    @Test func informationFadesToTheIdleLineButErrorsStay() {
        var notes = Notifications(StatusMessage("Saved"), at: start)
        #expect(notes.visible(at: start.addingTimeInterval(5), idle: idle).text == "Saved")
        #expect(notes.visible(at: start.addingTimeInterval(9), idle: idle).text == "Ready")
        notes.post(StatusMessage("HTTP 500", kind: .error), at: start)
        #expect(notes.visible(at: start.addingTimeInterval(3600), idle: idle).text == "HTTP 500")
    }

    @Test func aChangedFormClearsOnlyAMessageAboutTheForm() {
        var notes = Notifications(StatusMessage("Generating…", source: .generation), at: start)
        notes.formChanged(idle: idle, at: start)
        #expect(notes.current.text == "Generating…")
        notes.post(StatusMessage("CFG must be 0 to 20", kind: .error, source: .form), at: start)
        notes.formChanged(idle: idle, at: start)
        #expect(notes.current.text == "Ready")
        #expect(notes.log.map(\.text) == ["CFG must be 0 to 20", "Ready"])
    }

    @Test func sessionSpendAddsStepsAndMoney() {
        var spend = SessionSpend()
        var paid = makeEntry(id: 1, prompt: "a")
        paid.costMicros = 3900
        spend.add(paid)
        var offline = makeEntry(id: 2, prompt: "b")
        offline.stepsBilled = nil
        spend.add(offline)
        #expect(spend.steps == 30)
        #expect(spend.money == Money(micros: 3900))
    }
}

@Suite struct PromptRecallTests {
    @Test func walksBackAndForwardAndGivesTheDraftBack() {
        var recall = PromptRecall()
        recall.prompts = ["newest", "older", "oldest"]
        #expect(recall.step(-1, from: "my draft") == nil, "↓ on the draft changes nothing")
        #expect(recall.step(1, from: "my draft") == "newest")
        #expect(recall.step(1, from: "newest") == "older")
        #expect(recall.step(1, from: "older") == "oldest")
        #expect(recall.step(1, from: "oldest") == "oldest", "stays at the oldest")
        #expect(recall.step(-1, from: "oldest") == "older")
        #expect(recall.step(-1, from: "older") == "newest")
        #expect(recall.step(-1, from: "newest") == "my draft")
        #expect(recall.index == nil)
    }

    @Test func aPromptSentIsTheNewestAtOnce() {
        var state = makeState()
        state.send(.promptsLoaded(["older", "a red fox"]))
        state.type("a red fox")
        state.press(.enter)
        #expect(state.recall.prompts == ["a red fox", "older"], "moved to the front, not repeated")
    }

    @Test func nothingToRecallAndResetStartsFromTheNewest() {
        var empty = PromptRecall()
        #expect(empty.step(1, from: "x") == nil)
        var recall = PromptRecall()
        recall.prompts = ["a", "b"]
        _ = recall.step(1, from: "")
        _ = recall.step(1, from: "a")
        recall.reset()
        #expect(recall.step(1, from: "edited") == "a")
        #expect(recall.step(-1, from: "a") == "edited", "the draft is what was typed when recall began again")
    }
}

@Suite struct HistoryBrowserUpdateTests {
    /// A key on the list, with a kill ring of its own: no text is typed.
    private func press(_ pane: inout HistoryPane, _ key: Key) -> [Reaction] {
        var ring = KillRing()
        return pane.handle(key, [], visibleRows: 10, killRing: &ring)
    }

    private func browser(_ count: Int) -> HistoryPane {
        var pane = HistoryPane()
        let entries = (0..<count).map { makeEntry(id: Int64(count - $0), prompt: "prompt \(count - $0)") }
        pane.receive(queryID: pane.queryID, entries: entries, append: false, total: count, rows: count, visibleRows: 10)
        return pane
    }

    @Test func keysOnAnEntryAskTheRestOfThePlayground() {
        var pane = browser(5)
        #expect(press(&pane, .down).isEmpty)
        #expect(pane.selectedEntry?.id == 4)
        #expect(press(&pane, .character("d")) == [.open(.confirmDelete(4))])
        #expect(press(&pane, .character("i")) == [.run(.prepareEdit(4))])
        #expect(press(&pane, .character("o")) == [.run(.loadGroup("g4"))])
        let enter = press(&pane, .enter)
        #expect(enter.first == .show(pane.entries[1]))
    }

    @Test func aFailedEntrySaysWhyInsteadOfShowingAPicture() {
        let failed = makeEntry(id: 9, prompt: "x", outcome: .failed)
        let reactions = HistoryPane.show(failed)
        #expect(reactions.count == 1)
        guard case .notify(let message)? = reactions.first else {
            Issue.record("expected a message, got \(reactions)")
            return
        }
        #expect(message.kind == .error)
        #expect(message.text.contains("HTTP 401"))
    }

    @Test func markingTwoEntriesOpensThemAsAGrid() {
        var pane = browser(5)
        _ = press(&pane, .character(" "))
        #expect(press(&pane, .character("c")).count == 1, "one marked: a warning")
        _ = press(&pane, .character(" "))
        let reactions = press(&pane, .character("c"))
        guard case .openGrid(let grid)? = reactions.first else {
            Issue.record("expected a grid, got \(reactions)")
            return
        }
        #expect(grid.cells.count == 2)
        #expect(!grid.isRunning)
    }

    @Test func aReloadMakesEarlierPagesStaleAndCanSelectTheNewest() {
        var pane = browser(5)
        _ = press(&pane, .end)
        let staleID = pane.queryID
        guard case .run(.loadHistory(_, let queryID, false)) = pane.reload(selectingNewest: true) else {
            Issue.record("a reload loads the first page")
            return
        }
        #expect(queryID == staleID + 1)
        pane.receive(queryID: staleID, entries: [], append: false, total: 0, rows: 0, visibleRows: 10)
        #expect(pane.entries.count == 5, "the stale page is ignored")
        let fresh = [makeEntry(id: 6, prompt: "new")] + pane.entries
        pane.receive(queryID: queryID, entries: fresh, append: false, total: 6, rows: 6, visibleRows: 10)
        #expect(pane.selectedEntry?.id == 6)
        #expect(!pane.isLoading)
    }

    @Test func aGroupMadeTogetherIsOneRowWhoseEnterOpensItsGrid() {
        var pane = HistoryPane()
        var cells = (2...5).map { makeEntry(id: Int64(7 - $0), prompt: "a red fox") }
        for index in cells.indices { cells[index].groupID = "comparison" }
        let entries = [makeEntry(id: 6, prompt: "a cat")] + cells + [makeEntry(id: 1, prompt: "a dog")]
        pane.receive(queryID: pane.queryID, entries: entries, append: false, total: 6, rows: 6, visibleRows: 10)
        #expect(pane.rows.map(\.entries.count) == [1, 4, 1])
        _ = press(&pane, .down)
        #expect(pane.selectedRow?.isGroup == true)
        #expect(press(&pane, .enter) == [.run(.loadGroup("comparison"))])
        _ = press(&pane, .down)
        #expect(pane.selectedEntry?.id == 1, "one step passes the whole group")

        // A reload keeps the selection on the row that holds the selected entry.
        _ = press(&pane, .up)
        guard case .run(.loadHistory(_, let queryID, _)) = pane.reload() else { return }
        pane.receive(queryID: queryID, entries: [makeEntry(id: 7, prompt: "new")] + entries, append: false, total: 7, rows: 7, visibleRows: 10)
        #expect(pane.selected == 2)
        #expect(pane.selectedRow?.isGroup == true)
    }

    @Test func nearTheEndOfALoadedPageTheNextIsAskedFor() {
        var pane = browser(HistoryPane.pageSize)
        let reactions = pane.moveSelection(to: HistoryPane.pageSize - 10, visibleRows: 10)
        guard case .run(.loadHistory(let query, _, true))? = reactions.first else {
            Issue.record("expected the next page, got \(reactions)")
            return
        }
        #expect(query.beforeID == pane.entries.last?.id)
        #expect(pane.moveSelection(to: HistoryPane.pageSize - 5, visibleRows: 10).isEmpty, "asked once while loading")
    }
}

@Suite struct CompareGridUpdateTests {
    private func runningGrid() throws -> CompareState {
        var request = GenerationRequest(prompt: "a red fox", shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: 3, steps: 30, seed: 100)
        request.model = ModelCatalogue.defaultModelID
        let model = try #require(ModelCatalogue().model(named: ModelCatalogue.defaultModelID))
        let plan = try ComparisonPlan.seeds(request, count: 2, firstSeed: 100, model: model)
        return CompareState(plan: plan, title: "2 seeds", groupID: "group")
    }

    @Test func cellsSettleThenTheGridSaysSoAndHistoryReloads() throws {
        var grid = try runningGrid()
        #expect(grid.receive(.started(cell: 0)).isEmpty)
        let made = makeEntry(id: 1, prompt: "a red fox")
        #expect(grid.receive(.finished(cell: 0, entry: made)) == [.billed(made)])
        let last = grid.receive(.failed(cell: 1, message: "HTTP 500"))
        #expect(!grid.isRunning)
        #expect(last.last == .reloadHistory(selectingNewest: true))
        guard case .notify(let summary)? = last.first else {
            Issue.record("expected a summary, got \(last)")
            return
        }
        #expect(summary.text.hasPrefix("Compared: 1 of 2 made, 1 failed."))
        #expect(summary.kind == .warning)
        #expect(grid.receive(.started(cell: 1)).isEmpty, "a settled grid takes no more events")
    }

    @Test func escapeCancelsWhileRunningAndClosesWhenDone() throws {
        var grid = try runningGrid()
        #expect(grid.handle(.escape, []) == [.run(.cancelComparison)])
        _ = grid.receive(.cancelled(cell: 0))
        _ = grid.receive(.cancelled(cell: 1))
        #expect(grid.handle(.escape, []) == [.closeGrid])
    }

    @Test func enterTakesACellsRequestWithItsSeedIntoTheForm() throws {
        var grid = try runningGrid()
        var made = makeEntry(id: 7, prompt: "a red fox")
        made.seed = 101
        _ = grid.receive(.finished(cell: 1, entry: made))
        _ = grid.receive(.finished(cell: 0, entry: makeEntry(id: 6, prompt: "a red fox")))
        grid.move(dx: 1, dy: 0)
        let reactions = grid.handle(.enter, [])
        #expect(reactions.prefix(2) == [.show(made), .closeGrid])
        guard case .loadIntoForm(let request)? = reactions.dropFirst(2).first else {
            Issue.record("expected the cell's request, got \(reactions)")
            return
        }
        #expect(request.seed == 101)
        #expect(request.prompt == "a red fox")
    }
}

@Suite struct ParameterEditorTests {
    private let catalogue = ModelCatalogue()
    private var model: ModelCapabilities { catalogue.model(named: ModelCatalogue.defaultModelID)! }

    /// A key on a row, with a kill ring of its own: no text is killed.
    private func press(_ editor: inout ParameterEditor, _ field: ParameterField, _ key: Key, form: inout FormState) -> [Reaction] {
        var ring = KillRing()
        return editor.handle(field, key, [], form: &form, killRing: &ring, model: model, catalogue: catalogue)
    }

    @Test func typedDigitsCommitOnEnterOrSayTheRange() {
        var editor = ParameterEditor()
        var form = FormState()
        for digit in "45" { _ = press(&editor, .cfg, .character(digit), form: &form) }
        #expect(editor.typedValue == "45")
        let refused = press(&editor, .cfg, .enter, form: &form)
        guard case .notify(let message)? = refused.first else {
            Issue.record("expected the range, got \(refused)")
            return
        }
        #expect(message.kind == .error && message.source == .form)
        #expect(message.text.hasPrefix("CFG must be ") && message.text.hasSuffix("; 45 is outside."), "\(message.text)")
        #expect(form.cfg == nil, "a refused value changes nothing")
        for digit in "4.5" { _ = press(&editor, .cfg, .character(digit), form: &form) }
        #expect(press(&editor, .cfg, .enter, form: &form).isEmpty)
        #expect(form.cfg == 4.5)
        #expect(editor.typedValue == nil)
    }

    @Test func enterWithNothingTypedGeneratesAndArrowsMoveTheFocus() {
        var editor = ParameterEditor()
        var form = FormState()
        #expect(press(&editor, .steps, .enter, form: &form) == [.generate])
        #expect(press(&editor, .format, .enter, form: &form) == [.generate])
        #expect(form.format == FormState().format, "Enter never flips a choice")
        #expect(press(&editor, .steps, .up, form: &form) == [.moveFocus(by: -1)])
    }

    @Test func theSeedRollsLocksAndPathsAskForCompletion() {
        var editor = ParameterEditor()
        var form = FormState()
        let rolled = press(&editor, .seed, .character("r"), form: &form)
        #expect(form.seedLocked && form.seed > 0)
        #expect(rolled == [.notify(StatusMessage("New seed \(form.seed), locked for the next runs."))])
        form.initImage = TextInput("pict")
        #expect(press(&editor, .initImage, .tab, form: &form) == [.run(.completePath(.initImage, "pict"))])
        let completed = ParameterEditor.apply(PathCompletion(typed: "pict", entries: ["pictures/"]), field: .initImage, original: "pict", to: &form)
        #expect(completed.isEmpty)
        #expect(form.initImage.text == "pictures/")
    }
}

/// Ctrl-R in the prompt, as a shell's reverse search: through the whole playground's update.
@Suite struct PromptSearchTests {
    private func withPrompts() -> AppState {
        var state = makeState()
        state.send(.promptsLoaded(["a red fox at night", "a Sunset over the sea", "a sunset in the desert", "a cat"]))
        state.type("my draft")
        return state
    }

    @Test func typingFindsTheNewestMatchAndCtrlRAnOlderOne() {
        var state = withPrompts()
        state.press(.character("r"), [.control])
        #expect(state.recall.search != nil)
        #expect(state.form.prompt.text == "my draft", "nothing found before anything is typed")
        state.type("sun")
        #expect(state.form.prompt.text == "a Sunset over the sea", "case does not matter")
        state.press(.character("r"), [.control])
        #expect(state.form.prompt.text == "a sunset in the desert")
        state.press(.character("r"), [.control])
        #expect(state.form.prompt.text == "a sunset in the desert", "no older match: it stays")
        #expect(state.press(.enter).isEmpty, "Enter keeps the prompt found and sends nothing")
        #expect(state.recall.search == nil)
        #expect(state.form.prompt.text == "a sunset in the desert")
        #expect(state.press(.enter).contains { if case .generate = $0 { true } else { false } }, "the next Enter generates")
    }

    @Test func escapeGivesTheDraftBackAndOtherKeysKeepTheMatch() {
        var state = withPrompts()
        state.press(.character("r"), [.control])
        state.type("fox")
        #expect(state.form.prompt.text == "a red fox at night")
        state.press(.escape)
        #expect(state.form.prompt.text == "my draft")
        #expect(state.recall.search == nil)

        state.press(.character("r"), [.control])
        state.type("cat")
        state.press(.backspace)
        state.type("t")
        #expect(state.form.prompt.text == "a cat")
        state.press(.end)
        #expect(state.recall.search == nil, "a key the search does not take ends it")
        state.type("!")
        #expect(state.form.prompt.text == "a cat!", "…and then does what it does")
    }

    @Test func noMatchIsSaidAndTheNewSeedKeyIsF8() {
        var state = withPrompts()
        state.press(.character("r"), [.control])
        state.type("zebra")
        #expect(state.form.prompt.text == "my draft")
        state.press(.escape)
        state.press(.function(8))
        #expect(state.form.seedLocked && state.form.seed > 0)
        #expect(state.status.text == "New seed \(state.form.seed), locked for the next runs.")
    }
}

/// F3: what the offline model understands, and an example sent to the prompt.
@Suite struct ModelGuideOverlayTests {
    private let guide = ModelGuide(
        topics: [ModelGuide.Topic(title: "Times of day", words: ["day", "sunset", "dusk", "night"]),
                 ModelGuide.Topic(title: "Shapes", words: ["circle", "square", "triangle", "star"])],
        words: (1...85).map { "word\($0)" }, examples: (1...12).map { "example prompt \($0)" }, wordLimit: 20)

    private func render(_ state: AppState) -> String {
        PlaygroundView(
            theme: ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme,
            pictures: BlockPictures()
        ).render(state).text
    }

    @Test func anExampleGoesIntoThePrompt() {
        var state = makeState(width: 80, height: 24)
        state.guide = { [guide] _ in guide }
        state.type("my draft")
        state.press(.function(3))
        #expect(state.overlay == .modelGuide(selected: 0))
        state.press(.down)
        state.press(.down)
        state.press(.up)
        #expect(state.press(.enter).isEmpty, "the example is not sent by itself")
        #expect(state.form.prompt.text == "example prompt 2")
        #expect(state.overlay == nil && state.focus == .prompt)
    }

    @Test func itFitsEightyByTwentyFourWithTheChosenExampleInView() {
        var state = makeState(width: 80, height: 24)
        state.guide = { [guide] _ in guide }
        state.overlay = .modelGuide(selected: 11)
        let lines = render(state).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24 && lines.allSatisfy { $0.count <= 80 })
        let text = lines.joined(separator: "\n")
        #expect(text.contains("▸ example prompt 12"), "the chosen example scrolled into view")
        for word in ["Times of day", "day, sunset, dusk, night", "circle, square, triangle, star", "Every word it knows, 1–"] {
            #expect(text.contains(word), "\(word)")
        }
    }

    /// At 80×24 the word list gets a few lines: PgDn shows the next words and the heading says which.
    @Test func theWordListPagesAtEightyByTwentyFour() throws {
        var state = makeState(width: 80, height: 24)
        state.guide = { [guide] _ in guide }
        state.overlay = .modelGuide(selected: 0)
        func screen() -> String { render(state) }
        let firstPage = screen()
        let heading = try #require(firstPage.split(separator: "\n").first { $0.contains("Every word it knows, 1–") })
        let lastShown = try #require(Int(heading.split(separator: "–")[1].prefix { $0.isNumber }))
        #expect(lastShown < 85 && heading.contains("of 85, PgUp PgDn (prompts stop at 20 words)"), "\(heading)")
        #expect(firstPage.contains("word1 word2") && !firstPage.contains("word\(lastShown + 1) "))
        for _ in 0..<10 { state.press(.pageDown) }
        let lastPage = screen()
        #expect(lastPage.contains("word85") && !lastPage.contains("word1 word2"), "PgDn reaches the last word")
        #expect(lastPage.contains("–85 of 85"))
        for _ in 0..<10 { state.press(.pageUp) }
        #expect(screen() == firstPage, "PgUp comes back to the first page")
        #expect(state.overlay == .modelGuide(selected: 0))
    }

    @Test func aWordListThatFitsSaysAll() {
        var state = makeState(width: 120, height: 50)
        state.guide = { [guide] _ in guide }
        state.overlay = .modelGuide(selected: 0)
        let text = render(state)
        #expect(text.contains("Every word it knows, all 85 (prompts stop at 20 words)"))
        #expect(text.contains("word1 ") && text.contains("word85"))
    }

    @Test func aModelThatReadsAnyTextSaysSo() {
        var state = makeState()
        state.press(.function(3))
        #expect(state.overlay == nil)
        #expect(state.status.text.contains("reads any text"))
    }
}

/// Ctrl-Z on a parameter row takes the form's last changes back, one at a time, and says which.
@Suite struct FormUndoTests {
    @Test func slidersChoicesAndALoadedEntryAreUndoneInTurn() {
        var state = makeState()
        let original = state.form
        state.focus = .parameter(.cfg)
        state.press(.right)
        state.press(.right)
        state.focus = .parameter(.format)
        state.press(.right)
        let changed = state.form
        state.send(.requestLoaded(GenerationRequest(prompt: "loaded", seed: 7), run: false))
        #expect(state.form.prompt.text == "loaded")

        state.focus = .parameter(.steps)
        state.press(.character("z"), [.control])
        #expect(state.form == changed, "the loaded entry is taken back whole")
        state.press(.character("_"), [.control])
        #expect(state.form.format == original.format)
        #expect(state.status.text == "Undone: Format.")
        state.press(.character("z"), [.control])
        state.press(.character("z"), [.control])
        #expect(state.form == original)
        state.press(.character("z"), [.control])
        #expect(state.status.text == "Nothing to undo in the form.")
    }

    @Test func typingInThePromptIsLeftToItsOwnUndo() {
        var state = makeState()
        state.type("a fox")
        state.focus = .parameter(.cfg)
        state.press(.character("z"), [.control])
        #expect(state.form.prompt.text == "a fox")
        #expect(state.status.text == "Nothing to undo in the form.")
    }
}

/// Whatever history holds (prompts were unbounded before the limit), the form never takes more than a
/// request can carry, and says so.
@Suite struct LongPromptTests {
    private let limit = RequestValidator.maxPromptCharacters

    @Test func aHugeStoredPromptIsCutWhenLoadedAndNotRun() {
        var state = makeState()
        let huge = String(repeating: "a sunset over the sea ", count: 50_000)
        #expect(state.send(.requestLoaded(GenerationRequest(prompt: huge), run: true)).isEmpty, "never sent as it is")
        #expect(state.form.prompt.text.count == limit)
        #expect(state.status.kind == .warning)
        #expect(state.status.text.contains("1,100,000 characters") && state.status.text.contains("first 10,000"))
        state.send(.promptsLoaded([huge, "short"]))
        #expect(state.recall.prompts.map(\.count) == [limit, 5])
    }

    @Test func aHugePasteKeepsWhatAPromptTakes() {
        var state = makeState()
        state.send(.input(.paste(String(repeating: "x", count: limit + 5_000))))
        #expect(state.form.prompt.text.count == limit)
        #expect(state.status.text.hasPrefix("Pasted 15,000 characters: kept the first 10,000"))
    }

    @Test func theHistoryListShowsAHugePromptsFirstLine() {
        var state = makeState()
        var entry = makeEntry(id: 1, prompt: String(repeating: "sea ", count: 250_000))
        entry.groupID = "one"
        state.send(.historyLoaded(queryID: state.history.queryID, entries: [entry], append: false, total: 1))
        let view = PlaygroundView(
            theme: ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme,
            pictures: BlockPictures())
        #expect(view.render(state).text.contains("sea sea sea"))
    }
}

/// The image pane on its own: a run started, followed and finished.
@Suite struct ImagePaneUpdateTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aRunIsFollowedThenItsPictureShownWithItsLastPreview() {
        var pane = ImagePane()
        pane.start(GenerationRequest(prompt: "a fox", steps: 20, seed: 5), at: start)
        pane.progress(.step(3, of: 20, preview: RGBAImage(width: 2, height: 2, red: 0, green: 0, blue: 255)))
        pane.progress(.waiting(requestID: "r1", status: "Pending", fraction: 0.4))
        #expect(pane.generation?.progress == GenerationRun.StepProgress(step: 3, total: 20))
        #expect(pane.generation?.remoteStatus == "Pending 40%")
        var made = makeEntry(id: 9, prompt: "a fox")
        made.costMicros = 3900
        let reactions = pane.finish(.finished([made]), at: start.addingTimeInterval(2.5))
        #expect(pane.generation == nil)
        #expect(pane.picture?.id == 9)
        #expect(pane.lastPreview?.image.width == 2, "the last preview stays until the picture is drawn")
        #expect(reactions.first == .billed(made))
        #expect(reactions.contains(.seedUsed(99)))
        #expect(reactions.contains(.notify(StatusMessage("Done in 2.5 s · seed 99 · $0.0039 (30 steps)", kind: .success))))
        #expect(Array(reactions.suffix(2)) == [.reloadHistory(selectingNewest: true), .run(.loadPrompts)])
    }

    @Test func cancelledAndFailedRunsSaySoAndShowNoPicture() {
        var pane = ImagePane()
        pane.start(GenerationRequest(prompt: "a fox"), at: start)
        #expect(pane.finish(.cancelled, at: start) == [.notify(StatusMessage("Cancelled.", kind: .warning))])
        pane.start(GenerationRequest(prompt: "a fox"), at: start)
        let failed = pane.finish(.failed("HTTP 500"), at: start)
        #expect(failed.first == .notify(StatusMessage("HTTP 500", kind: .error, source: .generation)))
        #expect(pane.picture == nil)
    }
}

/// Each overlay's keys on their own: what stays open and what is asked of the playground.
@Suite struct OverlayUpdateTests {
    private func press(_ overlay: Overlay, _ key: Key, offered: [CompareChoice] = [.seeds2, .seeds4, .cfgSweep]) -> (Overlay?, [Reaction]) {
        var ring = KillRing()
        let guide = ModelGuide(topics: [], words: (1...45).map { "word\($0)" }, examples: ["one", "two"], wordLimit: 20)
        return overlay.handle(key, [], offered: offered, guide: guide, killRing: &ring)
    }

    @Test func questionsTakeYesAndEverythingElseAsNo() {
        #expect(press(.confirmQuit, .character("y")).1 == [.quit])
        #expect(press(.confirmQuit, .character("n")).1.isEmpty)
        #expect(press(.confirmDelete(4), .enter).1 == [.run(.delete(4))])
        #expect(press(.confirmDelete(4), .escape).1 == [.notify(StatusMessage("Nothing deleted.", source: .history))])
        #expect(press(.help, .character("x")).0 == nil)
    }

    @Test func theCompareMenuWrapsAndEnterPlans() {
        #expect(press(.compareMenu(.cfgSweep), .down).0 == .compareMenu(.seeds2))
        #expect(press(.compareMenu(.seeds2), .up).0 == .compareMenu(.cfgSweep))
        let (left, reactions) = press(.compareMenu(.seeds4), .enter)
        #expect(left == nil && reactions == [.planComparison(.seeds4)])
    }

    @Test func pathsAreTypedThenExportedAndExamplesLoaded() {
        var overlay: Overlay? = .exportPath(3, TextInput("a"))
        var ring = KillRing()
        overlay = overlay?.handle(.character("b"), [], offered: [], guide: nil, killRing: &ring).0
        #expect(overlay == .exportPath(3, TextInput("ab")))
        #expect(press(.exportPath(3, TextInput("x.png")), .enter).1.last == .run(.export(3, path: "x.png")))
        #expect(press(.exportSheet(TextInput("grid.png")), .enter).1.last == .exportGrid(path: "grid.png"))
        #expect(press(.modelGuide(selected: 0), .down).0 == .modelGuide(selected: 1))
        #expect(press(.modelGuide(selected: 1), .down).0 == .modelGuide(selected: 1), "stays on the last")
        #expect(press(.modelGuide(selected: 1), .enter).1.first == .loadExample("two"))
    }

    @Test func theModelGuidesWordsPageAndStopAtTheEnds() {
        #expect(press(.modelGuide(selected: 1), .pageDown).0 == .modelGuide(selected: 1, firstWord: 20), "the chosen example stays")
        #expect(press(.modelGuide(selected: 1, firstWord: 40), .pageDown).0 == .modelGuide(selected: 1, firstWord: 44), "the last word stays in view")
        #expect(press(.modelGuide(selected: 0, firstWord: 44), .pageUp).0 == .modelGuide(selected: 0, firstWord: 24))
        #expect(press(.modelGuide(selected: 0, firstWord: 10), .pageUp).0 == .modelGuide(selected: 0, firstWord: 0))
        #expect(press(.modelGuide(selected: 0, firstWord: 20), .down).0 == .modelGuide(selected: 1, firstWord: 20), "choosing keeps the page")
    }
}
