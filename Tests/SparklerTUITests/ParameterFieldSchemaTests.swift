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

    /// The form shows what the model takes and nothing else: Kontext has no CFG or steps but its own options;
    /// an option set in the form reaches the request only for a model that takes it.
    @Test func rowsFollowWhatTheModelTakes() throws {
        let catalogue = ModelCatalogue()
        let kontext = try catalogue.resolve("flux-kontext-pro")
        let playground = try catalogue.resolve("playground-v2-1024px-aesthetic")
        var form = FormState()
        form.mode = .edit
        let rows = form.fields(for: kontext)
        #expect(!rows.contains(.cfg) && !rows.contains(.steps) && !rows.contains(.safety))
        #expect(rows.contains(.option(.safetyTolerance)) && rows.contains(.option(.promptUpsampling)) && rows.contains(.editImage))
        #expect(form.fields(for: playground).allSatisfy { if case .option = $0 { false } else { true } })

        form.options[.safetyTolerance] = .integer(1)
        form.editImage.replace(with: "day.png")
        form.prompt.replace(with: "make it night")
        let request = form.request(for: kontext)
        #expect(request.options[.safetyTolerance] == .integer(1) && request.cfgScale == nil && request.steps == nil)
        #expect(request.mode == .edit(InputImage(data: Data(), fileName: "day.png")))
        form.mode = .textToImage
        #expect(form.request(for: playground).options.isEmpty)
    }

    /// The slider narrows with the mode: at most 2 when Kontext edits a picture, as the validator says.
    @Test func theSafetyToleranceSliderNarrowsWhenEditing() throws {
        let kontext = try ModelCatalogue().resolve("flux-kontext-max")
        guard case .slider(let editing) = ParameterField.option(.safetyTolerance).kind(for: kontext, mode: .edit),
              case .slider(let drawing) = ParameterField.option(.safetyTolerance).kind(for: kontext, mode: .textToImage)
        else {
            Issue.record("the safety tolerance is not a slider")
            return
        }
        #expect(editing.upper == 2 && drawing.upper == 6)
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

    @Test func aPromptBeyondTheLimitIsRefusedWithTheLimitOnThePromptsRow() {
        var state = makeState()
        state.form.prompt.replace(with: String(repeating: "x", count: 10_004))
        let effects = state.startGeneration()
        #expect(state.focus == .prompt, "\(state.focus)")
        #expect(state.status.text == "Prompt of 10,004 characters is not allowed: at most 10,000 characters.")
        #expect(!effects.contains { if case .generate = $0 { true } else { false } }, "nothing is sent")
    }
}
