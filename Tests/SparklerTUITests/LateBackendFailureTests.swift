import Foundation
import SparklerCore
import Testing
@testable import SparklerTUI

/// The offline engine loads its weights while the first frame is drawn; when they turn out unusable, the
/// playground says so at once (not at the first picture) and stops offering what cannot be drawn.
@Suite struct LateBackendFailureTests {
    private let problem = "The offline engine cannot start: the offline engine's weights in /m/model.safetensors cannot be used"

    @Test func theOnlyBackendFailingLeavesNothingToDrawWithAndSaysWhy() {
        var state = AppState(
            width: 120, height: 40, catalogue: ModelCatalogue().restricted(to: [.local]), form: FormState(),
            backend: .available("local"), now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(state.send(.backendFailed(.local, problem)).isEmpty)
        #expect(state.backend == .unavailable(problem))
        #expect(state.status.text == problem && state.status.kind == .error)
        // Once the message fades, the idle line still says why nothing can be drawn.
        state.now += 3600
        #expect(state.visibleStatus.text == problem)
        state.type("a red circle")
        #expect(state.press(.enter).isEmpty, "nothing is asked of a backend that cannot draw")
        #expect(!state.isGenerating)
        #expect(state.status.text == problem)
    }

    @Test func withFireworksTooTheEnginesModelsLeaveAndTheFormMovesOn() throws {
        var form = FormState()
        form.adapt(to: ModelCapabilities.sparklerTiny)
        var state = AppState(
            width: 120, height: 40, catalogue: ModelCatalogue(), form: form, backend: .available("fireworks"),
            now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(state.model == ModelCapabilities.sparklerTiny)
        #expect(state.send(.backendFailed(.local, problem)).isEmpty)

        #expect(state.backend == .available("fireworks"))
        #expect(state.status.text == problem && state.status.kind == .warning)
        #expect(!state.catalogue.models.isEmpty)
        #expect(state.catalogue.models.allSatisfy { $0.provider == .fireworks })
        #expect(state.model.id.path == ModelCatalogue.defaultModelID)
        #expect(state.form.model == ModelCatalogue.defaultModelID)
        #expect(!state.formIsDirty, "fitting the form to what can draw is nothing new to save")
        state.type("a red circle")
        guard case .generate(let request, let model, _)? = state.press(.enter).first else {
            Issue.record("Fireworks still draws")
            return
        }
        #expect(model.provider == .fireworks && request.model == ModelCatalogue.defaultModelID)
    }
}
