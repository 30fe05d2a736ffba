import Testing
@testable import SparklerTUI

@Suite struct PathCompletionTests {
    private let entries = ["sketch.png", "sketches/", "sunset.jpg", ".hidden.png", "edges.png"]

    @Test func oneMatchCompletesFully() {
        let completion = PathCompletion(typed: "pics/ed", entries: entries)
        #expect(completion.matches == ["edges.png"])
        #expect(completion.completed == "pics/edges.png")
    }

    @Test func severalMatchesCompleteTheirCommonPrefix() {
        let completion = PathCompletion(typed: "sk", entries: entries)
        #expect(completion.matches == ["sketch.png", "sketches/"])
        #expect(completion.completed == "sketch")
    }

    @Test func hiddenFilesOnlyWhenAskedFor() {
        #expect(PathCompletion(typed: "", entries: entries).matches.count == 4)
        #expect(PathCompletion(typed: ".", entries: entries).matches == [".hidden.png"])
    }

    @Test func noMatchKeepsTheText() {
        let completion = PathCompletion(typed: "~/zzz", entries: entries)
        #expect(completion.matches.isEmpty)
        #expect(completion.completed == "~/zzz")
    }

    @Test func theStateAppliesACompletionOnlyToUnchangedText() {
        var state = makeState()
        state.form.mode = .imageToImage
        state.focus = .parameter(.initImage)
        state.type("sk")
        #expect(state.press(.tab) == [.completePath(.initImage, "sk")])
        state.send(.pathCompleted(.initImage, original: "sk", PathCompletion(typed: "sk", entries: entries)))
        #expect(state.form.initImage.text == "sketch")
        #expect(state.status.text.contains("sketches/"))
        state.send(.pathCompleted(.initImage, original: "sk", PathCompletion(typed: "sk", entries: ["skip.png"])))
        #expect(state.form.initImage.text == "sketch", "a stale completion is ignored")
    }

    @Test func tabNeverTrapsTheFocusInAPathField() {
        var state = makeState()
        state.form.mode = .imageToImage
        state.focus = .parameter(.initImage)
        #expect(state.press(.tab).isEmpty, "an empty field: Tab moves on at once")
        #expect(state.focus != .parameter(.initImage))
        state.focus = .parameter(.initImage)
        state.type("pics/edges.png")
        #expect(state.press(.tab) == [.completePath(.initImage, "pics/edges.png")])
        state.send(.pathCompleted(.initImage, original: "pics/edges.png", PathCompletion(typed: "pics/edges.png", entries: entries)))
        #expect(state.focus != .parameter(.initImage), "a path naming a file: nothing to complete, Tab moved on")
        #expect(state.form.initImage.text == "pics/edges.png")

        state.focus = .parameter(.initImage)
        state.press(.backspace)
        state.send(.pathCompleted(.initImage, original: "pics/edges.pn", PathCompletion(typed: "pics/edges.pn", entries: entries)))
        #expect(state.focus == .parameter(.initImage), "something was completed: the focus stays")
        #expect(state.form.initImage.text == "pics/edges.png")
    }

    @Test func aFinishedPathIsOneExactFileNotADirectory() {
        #expect(PathCompletion(typed: "edges.png", entries: entries).isFinished)
        #expect(!PathCompletion(typed: "sketch", entries: entries).isFinished)
        #expect(!PathCompletion(typed: "sketches", entries: entries).isFinished, "a directory is completed with its slash")
    }
}
