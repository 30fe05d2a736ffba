import Foundation
import SparklerCore
import Testing
@testable import SparklerTUI

/// The form's sliders move through the schema's ranges, and a refused value puts the cursor on its row.
@Suite struct ParameterFieldSchemaTests {
    @Test func everySliderIsTheSchemasRangeForEveryModel() {
        for model in ModelCatalogue.builtInModels {
            for mode in model.modes {
                var form = FormState()
                form.mode = mode
                for field in form.fields(for: model) {
                    guard case .slider(let spec) = field.kind(for: model, mode: mode) else { continue }
                    #expect(spec == field.parameter?.range(for: model, mode: mode), "\(field) on \(model.id.name) in \(mode)")
                }
            }
        }
    }

    /// The form shows what the model takes and nothing else: Kontext has no CFG or steps.
    @Test func rowsFollowWhatTheModelTakes() throws {
        let kontext = try ModelCatalogue().resolve("flux-kontext-pro")
        var form = FormState()
        form.mode = .edit
        let rows = form.fields(for: kontext)
        #expect(!rows.contains(.cfg) && !rows.contains(.steps) && !rows.contains(.safety) && rows.contains(.editImage))
        form.editImage.replace(with: "day.png")
        form.prompt.replace(with: "make it night")
        let request = form.request(for: kontext)
        #expect(request.cfgScale == nil && request.steps == nil)
        #expect(request.mode == .edit(InputImage(data: Data(), fileName: "day.png")))
    }

    /// A form saved by an earlier version (no options, no picture to edit) still loads, keeping its values.
    @Test func aFormSavedBeforeOptionsExistedStillLoads() throws {
        let saved = #"{"prompt": "a red fox", "negative": "", "model": "accounts/sparkler/models/sparkler-tiny", "mode": "text-to-image", "seed": 7, "seedLocked": true, "cfg": 4}"#
        let form = try JSONDecoder().decode(FormState.self, from: Data(saved.utf8))
        #expect(form.prompt.text == "a red fox" && form.seed == 7 && form.seedLocked && form.cfg == 4)
        #expect(form.options.isEmpty && form.editImage.text.isEmpty)
    }

    @Test func aRefusedValueFocusesItsRow() {
        var state = makeState()
        state.form.prompt.replace(with: "a fox")
        state.form.cfg = 99
        _ = state.startGeneration()
        #expect(state.focus == .parameter(.cfg))
        #expect(state.status.text == "Cfg 99 is not allowed: 0 to 35.")
    }
}
