import Foundation
import SparklerGraphics
import Testing
@testable import SparklerCore
@testable import SparklerTUI

@Suite struct PlaygroundViewTests {
    private let view = PlaygroundView(theme: ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme, pictures: BlockPictures())

    /// At 80 columns the Model row is 19 columns wide, 15 beside its arrows: every built-in model's name
    /// fits whole there (its short name where the full one does not), never cut mid-word.
    @Test(arguments: ModelCatalogue.builtInModels)
    func everyModelsNameFitsTheNarrowForm(model: ModelCapabilities) throws {
        var state = AppState(
            width: 80, height: 24, catalogue: ModelCatalogue(), form: FormState(), backend: .available("fireworks"),
            now: Date(timeIntervalSince1970: 1_800_000_000))
        state.form.adapt(to: model)
        state.focus = .parameter(.model)
        let row = try #require(view.render(state).text.split(separator: "\n").first { $0.contains("Model") })
        #expect(row.contains(model.displayName + " ") || row.contains(model.shortName + " "), "\(row)")
        #expect(!row.contains("…"))
    }

    @Test func aNameTooLongIsCutWithAnEllipsis() {
        #expect(CharacterWidth.truncated("accounts/me/models/my-very-long-model", to: 12) == "accounts/me…")
        #expect(CharacterWidth.truncated("short", to: 12) == "short")
        #expect(CharacterWidth.truncated("日本語のモデル", to: 6) == "日本…")
    }

    @Test func fullLayoutShowsEveryPane() {
        var state = makeState(width: 120, height: 40)
        state.type("A beautiful sunset over the ocean")
        let text = view.render(state).text
        for expected in ["Prompt", "Negative", "Parameters", "Image", "History", "A beautiful sunset over the ocean",
                         "Playground v2 1024", "1024x1024", "CFG", "Steps", "Sampler", "Seed", "F1 help", "fireworks"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { CharacterWidth.of(String($0)) == 120 })
    }

    @Test func compactLayoutHidesHistoryUntilFocused() {
        var state = makeState(width: 80, height: 24)
        #expect(!view.render(state).text.contains("History"))
        state.focus = .history
        #expect(view.render(state).text.contains("History"))
    }

    @Test func tooSmallSaysSo() {
        let text = view.render(makeState(width: 50, height: 12)).text
        #expect(text.contains("Make the window larger"))
        #expect(text.contains("60x16"))
    }

    @Test func thePictureFillsTheImagePane() throws {
        var state = makeState()
        state.picture = makeEntry(id: 3, prompt: "fox")
        let frame = view.render(state)
        let image = try #require(state.layout?.image.inset(by: 1))
        let blocks = (image.y..<image.maxY).flatMap { y in (image.x..<image.maxX).map { frame[$0, y].text } }.filter { $0 == "#" }
        #expect(blocks.count > image.width * image.height / 3)
        #expect(frame.text.contains("#3 seed 33"))
    }

    @Test func historyRowsAndDetails() {
        var state = makeState()
        let entries = [
            makeEntry(id: 3, prompt: "red fox\u{1B}[2J in snow", favourite: true),
            makeEntry(id: 2, prompt: "failed one", outcome: .failed),
            makeEntry(id: 1, prompt: "lighthouse at dusk"),
        ]
        state.send(.historyLoaded(queryID: state.history.queryID, entries: entries, append: false, total: 3))
        let text = view.render(state).text
        #expect(text.contains("3 entries"))
        #expect(text.contains("★ red fox [2J in snow"))
        #expect(text.contains("✗ failed one"))
        #expect(text.contains("seed 33"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func generatingShowsSpinnerElapsedAndCost() {
        var state = makeState()
        state.type("a fox")
        state.press(.enter)
        state.send(.tick(state.now.addingTimeInterval(1.25)))
        let text = view.render(state).text
        #expect(text.contains("generating 1.2 s · 30 steps · random seed"))
        #expect(text.contains("Esc cancels"))
        state.send(.generationProgress(.step(3, of: 20)))
        #expect(view.render(state).text.contains("step 3/20"))
    }

    @Test func previewsFillTheImagePaneWhileTheEngineWorks() {
        var state = makeState()
        state.type("a fox")
        state.press(.enter)
        let preview = RGBAImage(width: 32, height: 32, red: 200, green: 80, blue: 20)!
        #expect(!view.render(state).text.contains("~"))
        state.send(.generationProgress(.step(7, of: 20, preview: preview)))
        let text = view.render(state).text
        #expect(text.contains("Image · preview, step 7/20"))
        #expect(text.contains("~~~~~~~~"), "the preview is drawn in the pane")
        state.send(.generationFinished(.cancelled))
        #expect(!view.render(state).text.contains("~~~~~~~~"), "no stale preview once the run ends")
    }

    @Test func wordsTheModelDoesNotKnowAreMarkedAndListed() throws {
        var state = makeState()
        state.coverage = { prompt, _ in
            PromptCoverage(unknownWords: prompt.lowercased().split(separator: " ").map(String.init).filter { $0 == "dragon" })
        }
        state.type("a Dragon at night")
        let frame = view.render(state)
        #expect(frame.text.contains("unknown to playground-v2-1024px-aesthetic: dragon"))
        let row = 1
        let line = Array(frame.text.split(separator: "\n")[row])
        let column = try #require(line.firstIndex(of: "D"))
        let theme = view.theme
        #expect(frame[column, row].style.foreground == theme.unknownWord.foreground, "the unknown word is marked")
        #expect(frame[column - 2, row].style.foreground != theme.unknownWord.foreground, "known words are not")
    }

    @Test func wideCharactersTakeTwoColumns() {
        var state = makeState()
        state.type("灯台 lighthouse")
        let frame = view.render(state)
        let line = frame.text.split(separator: "\n")[1]
        #expect(line.contains("灯台 lighthouse"))
        #expect(CharacterWidth.of(String(line)) == 120)
    }

    @Test func helpListsTheKeys() {
        var state = makeState()
        state.press(.function(1))
        let text = view.render(state).text
        #expect(text.contains("Keys"))
        #expect(text.contains("cancel the running request"))
        state.press(.character("x"))
        #expect(state.overlay == nil)
    }

    @Test func aDialogHidesTheGraphicsPicturesUnderIt() {
        let state = makeState(width: 80, height: 24)
        var frame = Frame(width: 80, height: 24)
        let underneath = GraphicsPlacement(rect: Rect(x: 20, y: 5, width: 40, height: 14), sequence: "<sixel>", key: "under")
        let aside = GraphicsPlacement(rect: Rect(x: 0, y: 0, width: 2, height: 1), sequence: "<sixel>", key: "aside")
        frame.placements = [underneath, aside]
        _ = OverlayView(theme: view.theme).draw(.confirmQuit, in: &frame, state: state)
        #expect(frame.placements == [aside])
        #expect(frame.text.contains("Quit anyway?"))
    }

    @Test func everyHelpLineFitsTheSmallestTerminal() {
        var state = makeState(width: 80, height: 24)
        state.press(.function(1))
        let text = view.render(state).text
        for (keys, meaning) in OverlayView.helpLines {
            #expect(text.contains(keys) && text.contains(meaning), "\(keys): \(meaning) is cut off at 80x24")
        }
    }

    /// Money before and after: the estimate of the next run, the session's spend, the cost in the compare menu.
    @Test func costsShowInDollars() throws {
        var state = makeState()
        state.type("a lighthouse at dusk")
        #expect(state.estimatedCost == Money(dollars: 0.0039), "30 steps of Playground v2 at $0.00013")
        #expect(view.render(state).text.contains("next ≈ $0.0039"))

        var entry = makeEntry(id: 4, prompt: "a lighthouse at dusk")
        entry.costMicros = 3900
        state.generation = GenerationRun(startedAt: state.now, steps: 30, seed: 0)
        state.send(.generationFinished(.finished([entry])))
        #expect(state.sessionSpend == Money(micros: 3900))
        #expect(state.status.text.contains("$0.0039 (30 steps)"), "\(state.status.text)")
        #expect(view.render(state).text.contains("session: 30 steps, $0.0039"))

        state.press(.function(6))
        #expect(view.render(state).text.contains("4 pictures · 120 steps · ≈ $0.0156"))
    }

    /// At 80x24 the compare menu shows every choice and its cost, nothing cut.
    @Test func theCompareMenuFitsEightyByTwentyFour() {
        var state = makeState(width: 80, height: 24)
        state.type("a lighthouse")
        state.press(.function(6))
        let text = view.render(state).text
        for choice in CompareChoice.allCases {
            #expect(text.contains(choice.title), "\(choice.title) is shown")
        }
        #expect(text.contains("4 pictures · 120 steps · ≈ $0.0156"))
    }

    /// F2 shows every message of the session in full, newest first, with its time: a long error cut to one
    /// status line can be read whole.
    @Test func f2ShowsEveryMessageInFull() {
        var state = makeState(width: 80, height: 24)
        let long = "Fireworks rejected the request (HTTP 400): " + String(repeating: "the prompt is far too long ", count: 6) + "END-OF-MESSAGE"
        state.status = StatusMessage("Exported 3.", kind: .success)
        state.status = StatusMessage(long, kind: .error, source: .generation)
        #expect(state.messageLog.map(\.text).suffix(2) == ["Exported 3.", long])
        state.press(.function(2))
        let text = view.render(state).text
        #expect(text.contains("Messages, newest first") && text.contains("END-OF-MESSAGE") && text.contains("Exported 3."))
        let lines = text.split(separator: "\n")
        #expect(lines.firstIndex { $0.contains("HTTP 400") }! < lines.firstIndex { $0.contains("Exported 3.") }!, "newest first")
        state.press(.character("x"))
        #expect(state.overlay == nil)
    }
}
