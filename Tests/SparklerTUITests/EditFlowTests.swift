import Foundation
@testable import SparklerCore
@testable import SparklerTUI
import Testing

/// Editing a picture by instruction (FLUX Kontext): F7 on the picture shown or `i` on a history entry
/// sets the form to edit it; the run is recorded as that entry's edit; offline, image to image stands in.
@Suite struct EditFlowTests {
    @Test func f7EditsThePictureShownWithKontextAndRecordsTheLink() throws {
        var state = makeState()
        state.picture = makeEntry(id: 12, prompt: "a lighthouse at dusk")
        #expect(state.press(.function(7)) == [.prepareEdit(12)])

        state.send(.editReady(entryID: 12, path: "/h/images/ab/12.jpg"))
        #expect(state.model.id.name == "flux-kontext-pro")
        #expect(state.form.mode == .edit && state.form.editImage.text == "/h/images/ab/12.jpg" && state.form.editsEntry == 12)
        #expect(state.focus == .prompt && state.form.prompt.text.isEmpty)
        #expect(state.status.text.contains("Editing #12 with FLUX.1 Kontext Pro"))

        state.type("make it night")
        let effects = state.press(.enter)
        guard case .generate(let request, let model, let editing)? = effects.first else {
            Issue.record("expected a generate effect, got \(effects)")
            return
        }
        #expect(editing == 12 && model.family == .kontext)
        #expect(request.mode == .edit(InputImage(data: Data(), fileName: "/h/images/ab/12.jpg")) && request.prompt == "make it night")
    }

    @Test func iOnAHistoryEntryEditsItsPicture() {
        var state = makeState()
        state.history.entries = [makeEntry(id: 3, prompt: "a fox"), makeEntry(id: 2, prompt: "a failed fox", outcome: .failed)]
        state.focus = .history
        #expect(state.press(.character("i")) == [.prepareEdit(3)])
        state.history.select(1, visibleRows: 10)
        #expect(state.press(.character("i")).isEmpty)
        #expect(state.status.text.contains("has no picture to edit"))
    }

    @Test func aPathTypedOverIsNoLongerTheEntrysEdit() {
        var state = makeState()
        state.send(.editReady(entryID: 5, path: "/p/5.png"))
        state.focus = .parameter(.editImage)
        state.press(.backspace)
        #expect(state.form.editsEntry == nil)
    }

    /// With no Fireworks key only the offline engine runs: its image to image stands in for the edit.
    @Test func offlineTheEditIsImageToImage() throws {
        var state = AppState(
            width: 120, height: 40, catalogue: ModelCatalogue().restricted(to: [.local]), form: FormState(),
            backend: .available("local"), now: Date(timeIntervalSince1970: 1_800_000_000))
        state.form.adapt(to: ModelCapabilities.sparklerTiny)
        state.send(.editReady(entryID: 7, path: "/p/7.png"))
        #expect(state.form.mode == .imageToImage && state.form.initImage.text == "/p/7.png" && state.form.editsEntry == 7)
        #expect(state.status.text.contains("FLUX Kontext needs a Fireworks key"))
        state.type("the same at night")
        guard case .generate(_, _, let editing)? = state.press(.enter).first else {
            Issue.record("no generate effect")
            return
        }
        #expect(editing == 7)
    }

    /// While Kontext works on the server's time, the image pane's title says where it stands and how to stop.
    @Test func theImagePaneShowsKontextsStatus() {
        var state = makeState()
        state.generation = GenerationRun(startedAt: state.now, steps: 0, seed: 0)
        state.send(.generationProgress(.waiting(requestID: "abc", status: "Pending", fraction: 0.4)))
        let theme = ThemeCatalogue.load(named: nil, userDirectory: URL(fileURLWithPath: "/nonexistent"), environment: [:]).theme
        let text = PlaygroundView(theme: theme, pictures: BlockPictures()).render(state).text
        #expect(text.contains("Image · Pending 40% · Esc cancels"), "\(text)")
    }
}
