import Foundation
import SparklerCore
import Testing
@testable import SparklerTUI

/// The effect runner against a real history file: a failure says what could not be done and why.
@Suite struct EffectRunnerTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-effects-\(UUID().uuidString)")

    /// Runs `effect` and waits for the message it reports (up to a minute: beside the engine tests, the
    /// two cores' task threads can be busy for long).
    private func message(after effect: Effect, formDirectory: URL? = nil) async throws -> (text: String, isError: Bool)? {
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = try HistoryStore(directory: directory.appendingPathComponent("history"), appVersion: "test")
        let inbox = EventInbox()
        let runner = EffectRunner(
            history: history, service: nil, formStore: FormStore(directory: formDirectory ?? directory), inbox: inbox, maxInFlight: 1)
        runner.run(effect)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            for case .actionFinished(let text, let isError, _) in inbox.drain() {
                return (text, isError)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    @Test func aFailedHistoryActionNamesTheActionAndTheReason() async throws {
        let deleted = try #require(try await message(after: .delete(999)))
        #expect(deleted.text == "Cannot delete entry 999: history has no entry 999.")
        #expect(deleted.isError)
        let marked = try #require(try await message(after: .setFavourite(999, true)))
        #expect(marked.text == "Cannot mark entry 999 as a favourite: history has no entry 999.")
    }

    @Test func aFormThatCannotBeSavedIsReported() async throws {
        // A file where the form's folder should be: the folder cannot be made.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocked = directory.appendingPathComponent("state")
        try Data("not a folder".utf8).write(to: blocked)
        let saved = try #require(try await message(after: .saveForm(FormState()), formDirectory: blocked))
        #expect(saved.text.hasPrefix("Cannot save the form to \(blocked.path)/form.json: "))
        #expect(saved.isError)
    }

    /// Runs `effect` and waits for the first event that `pick` takes.
    private func event<T>(after effect: Effect, history: HistoryStore, _ pick: (AppEvent) -> T?) async throws -> T? {
        let inbox = EventInbox()
        EffectRunner(history: history, service: nil, formStore: FormStore(directory: directory), inbox: inbox, maxInFlight: 1).run(effect)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let found = inbox.drain().lazy.compactMap(pick).first { return found }
            try await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    @Test func earlierPromptsComeBackNewestFirstOnce() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = try HistoryStore(directory: directory.appendingPathComponent("history"), appVersion: "test")
        for prompt in ["a fox", "a cat", "a fox", "a dog"] {
            try history.recordFailure(request: GenerationRequest(prompt: prompt), backend: "test", message: "no")
        }
        let prompts = try await event(after: .loadPrompts, history: history) { event -> [String]? in
            if case .promptsLoaded(let prompts) = event { prompts } else { nil }
        }
        #expect(prompts == ["a dog", "a fox", "a cat"])
    }

    @Test func aPathIsCompletedFromItsDirectory() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let pictures = directory.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: pictures.appendingPathComponent("sunsets"), withIntermediateDirectories: true)
        try Data().write(to: pictures.appendingPathComponent("sun.png"))
        let history = try HistoryStore(directory: directory.appendingPathComponent("history"), appVersion: "test")
        let typed = pictures.path + "/su"
        let completion = try await event(after: .completePath(.initImage, typed), history: history) { event -> PathCompletion? in
            if case .pathCompleted(.initImage, typed, let completion) = event { completion } else { nil }
        }
        #expect(completion?.matches == ["sun.png", "sunsets/"])
        #expect(completion?.completed == pictures.path + "/sun")
    }
}
