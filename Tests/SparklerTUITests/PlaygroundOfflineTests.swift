import Foundation
import TestSupport
import Testing

/// The real `sparkler` binary in tmux with no Fireworks key: the offline engine makes the pictures.
@Suite("Playground offline in tmux")
struct PlaygroundOfflineTests {
    private static let sparkler = BuiltProduct.url("sparkler")
    private static let shippedModel = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models/sparkler-tiny")

    /// The weights load while the first frame is drawn; damaged ones are reported as soon as they are found,
    /// without a key pressed, and the image pane says why nothing can be drawn.
    @Test func damagedWeightsAreReportedAtStartWithoutAKeyPressed() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-tui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let model = home.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.shippedModel, to: model)
        let weights = model.appendingPathComponent("model.safetensors")
        try Data(try Data(contentsOf: weights).prefix(4096)).write(to: weights)
        let environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "SPARKLER_MODEL_DIR": model.path,
            "SWIFT_BACKTRACE": "enable=no",
        ]
        let session = try await ProbeSession.start(environment: environment, program: Self.sparkler, readyText: "sparkler-tiny")
        let tmux = session.tmux
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("The offline engine cannot start")
        #expect(screen.joined().contains("safetensors file is truncated"), "the image pane gives the reason: \(screen.joined(separator: "\n"))")
        try tmux.sendText("a red circle")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("│a red circle")
        // Enter asks nothing of the engine: the status line gives the reason again.
        try await tmux.waitFor("The offline engine cannot start")
        try tmux.sendKeys("C-c")
        let (status, _) = try await session.waitForExit()
        #expect(status == 0)
    }

    @Test func withoutAKeyTheOfflineEngineDrawsMarksUnknownWordsAndOffersExamples() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-tui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "SWIFT_BACKTRACE": "enable=no",
        ]
        let session = try await ProbeSession.start(
            environment: environment, program: Self.sparkler, readyText: "Offline engine: set FIREWORKS_API_KEY to use Fireworks"
        )
        let tmux = session.tmux
        defer { tmux.kill() }
        let start = try tmux.capture()
        #expect(start.contains { $0.contains("sparkler-tiny") }, "the form shows the offline model")
        #expect(start.contains { $0.contains("local · session") })

        try tmux.sendText("a purple dragon over the ocean")
        try await tmux.waitFor("unknown to sparkler-tiny: dragon · F3: its words")
        // F3 shows what the model knows; an example goes into the prompt, and that is what is drawn.
        try tmux.sendKeys("F3")
        try await tmux.waitFor("What sparkler-tiny understands")
        try await tmux.waitFor("day, sunset, dusk, night")
        try await tmux.waitFor("Every word it knows, 1–")
        try tmux.sendKeys("NPage")  // PgDn as tmux sends it (ESC [ 6 ~): the word list's next page
        try await tmux.waitFor("Every word it knows, 21–")
        try tmux.sendKeys("Down", "Enter")
        try await tmux.waitFor("│a starry night over snowy mountains with the moon")
        try tmux.sendKeys("Enter")
        _ = try await tmux.waitFor("Done in", timeout: .seconds(90))
        // Read and rendered off the UI thread, the picture follows "Done in" by a frame or two.
        let pane = { (screen: [String]) in screen[9..<38].map { String(Array($0).dropFirst(32).prefix(50)) } }
        let done = try await tmux.waitUntil("the picture drawn with block symbols") { screen in
            pane(screen).joined().contains { "▀▄▌▐▋▆▇█▃▂▁▅".contains($0) }
        }
        #expect(done.contains { $0.contains("Image · #1") })
        #expect(done.contains { $0.contains("offline, nothing billed") })

        try tmux.sendKeys("C-c")
        let (status, _) = try await session.waitForExit()
        #expect(status == 0)
    }
}
