import Foundation
import SparklerCore
import Testing
@testable import SparklerTUI

/// The form is saved within a second of any change, whatever changed it, and never when nothing did:
/// whether it changed is derived from the form itself, not remembered by each place that edits it.
@Suite struct FormSavingTests {
    /// Applies `change`, then ticks one second on: the effects of that tick.
    private func saveAfter(_ change: (inout AppState) -> Void) -> (saved: [Effect], state: AppState) {
        var state = makeState()
        change(&state)
        let effects = state.update(.tick(state.now.addingTimeInterval(1)))
        return (effects, state)
    }

    @Test func nothingChangedSavesNothing() {
        #expect(saveAfter { _ in }.saved.isEmpty)
        var state = makeState()
        state.type("a fox")
        _ = state.update(.tick(state.now.addingTimeInterval(1)))
        #expect(state.update(.tick(state.now.addingTimeInterval(1))).isEmpty, "saved once, then clean")
    }

    @Test(arguments: ["prompt", "slider", "toggle", "model", "history", "negative", "seed picked by a run"])
    func everyChangeIsSaved(_ change: String) {
        let (saved, state) = saveAfter { state in
            switch change {
            case "prompt": state.type("a lighthouse")
            case "slider":
                state.focus = .parameter(.cfg)
                _ = state.press(.right)
            case "toggle":
                state.focus = .parameter(.safety)
                _ = state.press(.character(" "))
            case "model":
                state.focus = .parameter(.model)
                _ = state.press(.right)
            case "history":
                _ = state.update(.requestLoaded(GenerationRequest(prompt: "from history", seed: 9), run: false))
            case "seed picked by a run":
                state.type("a fox")
                _ = state.press(.enter)
                _ = state.update(.tick(state.now.addingTimeInterval(1)))
                // An unlocked seed shows the one the run used: the form changed after it was saved.
                _ = state.update(.generationFinished(.finished([makeEntry(id: 7, prompt: "a fox")])))
            default:
                state.focus = .negative
                state.type("blurry")
            }
        }
        #expect(saved == [.saveForm(state.form)], "\(change)")
        #expect(!state.formIsDirty)
    }
}
