import SparklerCore
import Testing
@testable import SparklerTUI

/// The form's sliders move through the schema's ranges, and a refused value puts the cursor on its row.
@Suite struct ParameterFieldSchemaTests {
    @Test func everySliderIsTheSchemasRangeForEveryModel() {
        for model in ModelCatalogue.builtInModels {
            for field in ParameterField.allCases {
                guard case .slider(let spec) = field.kind(for: model) else { continue }
                #expect(spec == field.parameter?.range(for: model), "\(field) on \(model.id.name)")
            }
        }
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
