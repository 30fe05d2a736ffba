import Foundation
@testable import SparklerCore
@testable import SparklerTUI
import Testing

/// The status line's notifications: severity decides how long one stays, and a message about the form
/// goes once the form changes, so no message outlives what it describes.
@Suite struct StatusMessageTests {
    @Test func informationFadesErrorsStay() {
        var state = makeState()
        state.status = StatusMessage("Exported 3 to /tmp/a.png.", kind: .success, source: .history)
        #expect(state.visibleStatus.text == "Exported 3 to /tmp/a.png.")
        state.send(.tick(state.now.addingTimeInterval(16)))
        #expect(state.visibleStatus.text.hasPrefix("Ready: type a prompt"), "a success fades after 15 s")

        state.status = StatusMessage("The request failed.", kind: .error, source: .generation)
        state.send(.tick(state.now.addingTimeInterval(3600)))
        #expect(state.visibleStatus.text == "The request failed.", "an error stays until replaced")
    }

    @Test func aMessageAboutTheFormGoesWhenTheFormChanges() {
        var state = makeState()
        state.type("a fox")
        state.form.cfg = 99
        state.press(.enter)
        #expect(state.status.kind == .error && state.status.source == .form && state.focus == .parameter(.cfg))
        state.press(.left)
        #expect(state.status.source != .form && state.status.text.hasPrefix("Ready"), "\(state.status.text)")
    }
}
