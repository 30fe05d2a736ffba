import Foundation
import TestSupport
import Testing

/// The start-up questions in a real tmux (which answers DA1 itself): keys typed while sparkler starts are
/// kept in order, and no answer, early or late, is ever typed into the prompt.
@Suite("Terminal answers in tmux")
struct TerminalAnswersEndToEndTests {
    private static let sparkler = BuiltProduct.url("sparkler")

    private func environment(_ home: URL) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "SWIFT_BACKTRACE": "enable=no",
            "LANG": "C.UTF-8",
        ]
    }

    @Test func keysTypedDuringStartUpAreKeptAndAnswersNeverTyped() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-answers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try await Tmux.shell(environment: environment(home))
        defer { tmux.kill() }

        // The text goes to the terminal right behind the command: sparkler reads it while it asks its questions.
        try tmux.typeLine(Self.sparkler.path)
        try tmux.sendText("typed early")
        let screen = try await tmux.waitFor("│typed early")
        let prompt = try #require(screen.first { $0.contains("│typed early") })
        #expect(!prompt.contains("?"), "no DA1 answer in the prompt: \(prompt)")

        // Answers that arrive late (a slow terminal, a cell size asked again) are read whole, not typed.
        try tmux.sendBytes(Array("\u{1B}[?62;c\u{1B}[6;20;10t\u{1B}P>|SlowTerm 1.0\u{1B}\\".utf8))
        try tmux.sendText(" and later")
        let later = try await tmux.waitFor("│typed early and later")
        let line = try #require(later.first { $0.contains("│typed early and later") })
        #expect(!line.contains("62") && !line.contains("SlowTerm") && !line.contains("20;10"), "\(line)")
        try tmux.sendKeys("C-c")
    }
}
