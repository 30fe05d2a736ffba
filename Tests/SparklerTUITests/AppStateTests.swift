import Foundation
import Testing
@testable import SparklerCore
@testable import SparklerTUI

@Suite struct AppStateTests {
    @Test func pastedLinesBecomeOnePromptWithoutStartingAGeneration() {
        var state = makeState()
        let effects = state.send(.input(.paste("a lighthouse\nat dusk\tquietly")))
        #expect(effects.isEmpty)
        #expect(state.form.prompt.text == "a lighthouse at dusk quietly")
        #expect(!state.isGenerating)
    }

    @Test func pastingOutsideATextFieldChangesNothing() {
        var state = makeState()
        state.focus = .history
        state.send(.input(.paste("q")))
        #expect(!state.isQuitting, "pasted letters are not shortcuts")
        #expect(state.status.kind == .warning)
    }

    @Test func typingAndEnterGeneratesWithTheModelsDefaults() throws {
        var state = makeState()
        state.type("a beautiful sunset over the ocean")
        let effects = state.press(.enter)
        guard case .generate(let request, let model, _)? = effects.first else {
            Issue.record("expected a generate effect, got \(effects)")
            return
        }
        #expect(request.prompt == "a beautiful sunset over the ocean")
        #expect(request.model == ModelCatalogue.defaultModelID)
        #expect(request.cfgScale == 3)
        #expect(request.steps == 30)
        #expect(request.shape == .size(ImageSize(width: 1024, height: 1024)))
        #expect(request.seed == 0, "an unlocked seed asks for a random one")
        #expect(model.id.name == "playground-v2-1024px-aesthetic")
        #expect(state.isGenerating)
        #expect(effects.contains(.saveForm(state.form)))
    }

    @Test func emptyPromptIsCaughtInTheForm() {
        var state = makeState()
        #expect(state.press(.function(5)).isEmpty)
        #expect(state.status.kind == .error)
        #expect(state.status.text.contains("Prompt is missing"))
        #expect(!state.isGenerating)
    }

    @Test func withoutABackendTheStatusSaysHowToGetOne() {
        var state = makeState(backend: .unavailable("No Fireworks API key: export FIREWORKS_API_KEY=..."))
        state.type("a fox")
        #expect(state.press(.enter).isEmpty)
        #expect(state.status.kind == .error)
        #expect(state.status.text.contains("FIREWORKS_API_KEY"))
    }

    @Test func tabWalksEveryFieldAndBack() {
        var state = makeState()
        let order = state.focusOrder
        #expect(order.first == .prompt)
        #expect(order.last == .history)
        #expect(order.contains(.parameter(.cfg)) && order.contains(.parameter(.sampler)))
        for expected in order.dropFirst() {
            state.press(.tab)
            #expect(state.focus == expected)
        }
        state.press(.tab)
        #expect(state.focus == .prompt)
        state.press(.backTab)
        #expect(state.focus == .history)
    }

    @Test func slidersStepJumpAndTakeTypedValues() {
        var state = makeState()
        state.focus = .parameter(.cfg)
        state.press(.right)
        #expect(state.form.cfg == 3.5)
        state.press(.right, .shift)
        #expect(state.form.cfg == 8.5)
        state.press(.end)
        #expect(state.form.cfg == 35)
        state.press(.home)
        #expect(state.form.cfg == 0)
        state.press(.left)
        #expect(state.form.cfg == 0, "a slider stops at its end")

        state.type("40")
        state.press(.enter)
        #expect(state.form.cfg == 0)
        #expect(state.status.kind == .error)
        #expect(state.status.text.contains("0.0 to 35.0"))

        state.type("7.5")
        state.press(.enter)
        #expect(state.form.cfg == 7.5)

        state.focus = .parameter(.steps)
        state.press(.pageUp)
        #expect(state.form.steps == 40)
    }

    @Test func sizeStepperOffersOnlyTheModelsSizes() {
        var state = makeState()
        state.focus = .parameter(.size)
        var seen: [ImageSize] = []
        for _ in 0..<9 {
            state.press(.right)
            seen.append(state.form.size!)
        }
        #expect(Set(seen) == Set(ModelCapabilities.sdxlSizes))
    }

    @Test func changingToAFluxModelAdaptsTheForm() {
        var state = makeState()
        state.focus = .parameter(.model)
        while state.model.family != .flux { state.press(.right) }
        #expect(!state.fields.contains(.sampler))
        #expect(state.form.aspectRatio == "1:1")
        state.focus = .parameter(.size)
        state.press(.right)
        #expect(state.form.aspectRatio == "21:9")
        #expect(state.form.steps == state.model.steps.defaultValue)
    }

    @Test func seedLocksRollsAndTakesTypedValues() {
        var state = makeState()
        state.focus = .parameter(.seed)
        state.type("1234")
        state.press(.enter)
        #expect(state.form.seed == 1234)
        #expect(state.form.seedLocked)
        state.press(.character(" "))
        #expect(!state.form.seedLocked)
        state.press(.character("r"), .control)
        #expect(state.form.seedLocked && state.form.seed != 1234)
    }

    @Test func finishingShowsThePictureAndCountsTheSteps() {
        var state = makeState()
        state.type("a fox")
        state.press(.enter)
        state.send(.tick(state.now.addingTimeInterval(2.5)))
        let entry = makeEntry(id: 7, prompt: "a fox")
        let effects = state.send(.generationFinished(.finished([entry])))
        #expect(!state.isGenerating)
        #expect(state.picture?.id == 7)
        #expect(state.form.seed == 77, "the seed used is shown while the seed is not locked")
        #expect(state.sessionSteps == 30)
        #expect(state.status.text.contains("seed 77"))
        #expect(state.status.text.contains("2.5 s"))
        #expect(effects.contains { if case .loadHistory = $0 { true } else { false } })

        let older = makeEntry(id: 6, prompt: "older")
        state.history.entries = [older]
        state.send(.historyLoaded(queryID: state.history.queryID, entries: [entry, older], append: false, total: 2))
        #expect(state.history.selectedEntry?.id == 7, "the picture just made is selected in the history")
    }

    @Test func escCancelsAndFailuresSayWhatHappened() {
        var state = makeState()
        state.type("a fox")
        state.press(.enter)
        state.send(.generationProgress(.retrying(attempt: 2, delay: .seconds(3), reason: "HTTP 429 Too Many Requests")))
        #expect(state.generation?.retryNote?.contains("retrying in 3 s") == true)
        #expect(state.press(.escape) == [.cancelGeneration])
        state.send(.generationFinished(.cancelled))
        #expect(state.status.text == "Cancelled.")

        state.press(.enter)
        state.send(.generationFinished(.failed("Fireworks refused the API key (HTTP 401): check FIREWORKS_API_KEY\u{1B}[2J")))
        #expect(state.status.kind == .error)
        #expect(state.status.text.contains("HTTP 401"))
        #expect(!state.status.text.contains("\u{1B}"), "server text is sanitised")
    }

    @Test func quittingAsksWhileGenerating() {
        var state = makeState()
        state.press(.tab)
        state.focus = .history
        #expect(state.press(.character("q")) == [.saveForm(state.form), .quit])

        var busy = makeState()
        busy.type("a fox")
        busy.press(.enter)
        #expect(busy.press(.character("c"), .control).isEmpty)
        #expect(busy.overlay == .confirmQuit)
        #expect(busy.press(.character("n")).isEmpty)
        #expect(busy.overlay == nil && !busy.isQuitting)
        busy.press(.character("c"), .control)
        #expect(busy.press(.character("y")).contains(.quit))
    }

    @Test func qTypesIntoThePromptRatherThanQuitting() {
        var state = makeState()
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.form.prompt.text == "q")
    }

    @Test func upAndDownRecallEarlierPrompts() {
        var state = makeState()
        state.send(.promptsLoaded(["newest", "older"]))
        state.press(.up)
        #expect(state.form.prompt.text == "newest")
        state.press(.up)
        #expect(state.form.prompt.text == "older")
        state.press(.down)
        #expect(state.form.prompt.text == "newest")
        state.press(.down)
        #expect(state.form.prompt.text == "")
    }

    /// ↑ keeps what was being typed: ↓ past the newest prompt gives the draft back, and the focus stays.
    @Test func recallingKeepsTheDraft() {
        var state = makeState()
        state.send(.promptsLoaded(["newest", "older"]))
        state.type("a half-typed")
        state.press(.up)
        #expect(state.form.prompt.text == "newest")
        state.press(.down)
        #expect(state.form.prompt.text == "a half-typed")
        state.press(.down)
        #expect(state.focus == .prompt && state.form.prompt.text == "a half-typed")
    }

    /// One kill ring, as readline's: killed in the prompt, yanked in the negative prompt; killed there too,
    /// then yanked in an export path, where Alt-Y reaches back to the prompt's kill.
    @Test func killsInOneFieldAreYankedInAnother() {
        var state = makeState()
        state.type("a red fox")
        state.press(.character("w"), [.control])
        state.press(.tab)
        state.press(.character("y"), [.control])
        #expect(state.form.prompt.text == "a red ")
        #expect(state.form.negative.text == "fox")
        state.type(" blurry")
        state.press(.backspace, [.alt])
        #expect(state.form.negative.text == "fox ")
        state.overlay = .exportPath(1, TextInput(""))
        state.press(.character("y"), [.control])
        #expect(state.overlay == .exportPath(1, TextInput("blurry")))
        state.press(.character("y"), [.alt])
        #expect(state.overlay == .exportPath(1, TextInput("fox")))
    }

    @Test func resizeChangesTheLayout() {
        var state = makeState()
        #expect(state.layout?.history != nil)
        state.send(.input(.resize(width: 80, height: 24)))
        #expect(state.layout != nil)
        #expect(state.layout?.history == nil, "80 columns: history only when focused")
        state.focus = .history
        #expect(state.layout?.history != nil)
        state.send(.input(.resize(width: 50, height: 14)))
        #expect(state.layout == nil)
    }

    @Test func formSurvivesAJSONRoundTrip() throws {
        var state = makeState()
        state.type("lighthouse 灯台")
        state.focus = .parameter(.cfg)
        state.press(.right)
        let data = try JSONEncoder().encode(state.form)
        let restored = try JSONDecoder().decode(FormState.self, from: data)
        #expect(restored.prompt.text == "lighthouse 灯台")
        #expect(restored.cfg == 3.5)
    }

    /// A typed value is read strictly: a comma or a minus is said, never dropped (3,5 is not 35, -3 not 3).
    @Test func typedNumbersAreNotReadLeniently() {
        var state = makeState()
        state.focus = .parameter(.cfg)
        state.type("3,5")
        #expect(state.status.kind == .error && state.status.text.contains("with a point"), "\(state.status.text)")
        let before = state.form.cfg
        state.press(.enter)
        #expect(state.form.cfg == before && state.status.text.contains("3,5 is not a number"), "Enter refuses it: \(state.status.text)")
        state.type("-")
        #expect(state.status.text.contains("never negative") && state.status.text.contains("0 to 35"))
        state.focus = .parameter(.seed)
        state.type("-5")
        #expect(state.status.text.contains("whole number from 1"))
    }

    /// Enter generates from any parameter row, as from the prompt; it never flips a choice or the seed's
    /// lock (Space and the arrows do), and a value being typed is committed first.
    @Test func enterOnAParameterRowGenerates() {
        for field in [ParameterField.format, .seed, .safety, .cfg, .size] {
            var state = makeState()
            state.type("a fox")
            state.focus = .parameter(field)
            let before = state.form
            let effects = state.press(.enter)
            #expect(effects.contains { if case .generate = $0 { true } else { false } }, "\(field)")
            #expect(state.form.format == before.format && state.form.seedLocked == before.seedLocked && state.form.safetyCheck == before.safetyCheck)
        }
        var typing = makeState()
        typing.focus = .parameter(.cfg)
        typing.type("4")
        #expect(typing.press(.enter).isEmpty && typing.form.cfg == 4, "a typed value is committed, not sent")
    }
}
