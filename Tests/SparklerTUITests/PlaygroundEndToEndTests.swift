import FireworksTestServer
import Foundation
import TestSupport
import SparklerCore
import Testing

/// The real `sparkler` binary in tmux against the local Fireworks test server: what a user does,
/// read back from the screen.
@Suite("Playground end to end in tmux")
struct PlaygroundEndToEndTests {
    private static let key = "fw-tui-secret-0123456789"
    private static let sparkler = BuiltProduct.url("sparkler")

    private func environment(home: URL, server: FireworksTestServer) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "FIREWORKS_API_KEY": Self.key,
            "FIREWORKS_API_BASE": server.baseURL,
            "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    /// A fresh home, and the playground started in tmux against `server`, ready for a prompt. The caller
    /// kills the session and removes the home.
    private func startPlayground(
        _ server: FireworksTestServer, width: Int = 120, height: Int = 40, term: String = "tmux-256color"
    ) async throws -> (session: ProbeSession, home: URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-tui-\(UUID().uuidString)")
        let session = try await ProbeSession.start(
            environment: environment(home: home, server: server), width: width, height: height, term: term,
            program: Self.sparkler, readyText: "Ready: type a prompt"
        )
        return (session, home)
    }

    /// The rows of the image pane's inside, read from a capture of the full 120x40 layout.
    private func imagePane(_ screen: [String]) -> [String] {
        screen[9..<38].map { String(Array($0).dropFirst(32).prefix(50)) }
    }

    @Test func generateBrowseResizeAndQuit() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let (session, home) = try await startPlayground(server)
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }

        try tmux.sendText("a lighthouse at dusk")
        try await tmux.waitFor("│a lighthouse at dusk")
        let empty = imagePane(try tmux.capture())
        #expect(empty.joined().contains("Your picture appears here."))

        // Tab to CFG (prompt, negative, model, mode, size, cfg) and raise it two steps.
        for _ in 0..<5 { try tmux.sendKeys("Tab") }
        try tmux.sendKeys("Right", "Right")
        try await tmux.waitFor("4.0")

        try tmux.sendKeys("C-g")
        _ = try await tmux.waitFor("Done in")
        // The picture is read and rendered off the UI thread: "loading…" until its `pictureReady` redraws the pane.
        let blocks = { (screen: [String]) in self.imagePane(screen).joined().contains { "▀▄▌▐▋▆▇█▃▂▁▅".contains($0) } }
        let first = try await tmux.waitUntil("the picture drawn with block symbols", blocks)
        let picture = imagePane(first)
        #expect(picture != empty, "the picture's cells replace the placeholder")
        #expect(!picture.joined().contains("loading…"))
        #expect(server.requests.first?.json?["cfg_scale"].map { $0 == .int(4) || $0 == .double(4) } == true)
        #expect(first.contains { $0.contains("session: 30 steps") })

        try tmux.sendKeys("F5")
        let second = try await tmux.waitUntil("a second picture") { $0.contains { $0.contains("Image · #2") } }
        // The test server's pictures differ by seed in colour only, which the symbols' characters need not
        // show: the seeds in the status line tell the runs apart.
        let seed = { (screen: [String]) in
            screen.lazy.compactMap { line in line.range(of: #"seed \d+"#, options: .regularExpression).map { String(line[$0]) } }.first
        }
        #expect(seed(second) != nil && seed(second) != seed(first), "another seed: \(seed(first) ?? "none"), then \(seed(second) ?? "none")")

        // History: search as you type.
        try tmux.sendKeys("BTab", "BTab", "BTab", "BTab", "BTab", "BTab")
        try tmux.sendKeys("/")
        try tmux.sendText("lighthouse")
        try await tmux.waitUntil("two matches for the whole word") { screen in
            screen.contains { $0.contains("/ lighthouse ") }
                && screen.filter { $0.contains("a lighthouse at dus") && $0.contains(":") }.count == 2
        }
        try tmux.sendKeys("C-u")
        try tmux.sendText("zebra")
        try await tmux.waitFor("Nothing matches.")
        try tmux.sendKeys("Escape")

        try tmux.resize(width: 80, height: 24)
        let compact = try await tmux.waitUntil("the compact layout") { $0.count == 24 && $0.contains { $0.contains("┌ Parameters") } }
        #expect(compact.allSatisfy { $0.count <= 80 })
        try tmux.resize(width: 50, height: 14)
        try await tmux.waitFor("Make the window larger")
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor("┌ Prompt")

        try tmux.sendKeys("q")
        let (status, modes) = try await session.waitForExit()
        #expect(status == 0)
        #expect(Set(modes) == ["icanon", "echo", "isig", "icrnl", "opost", "ixon"])
        #expect(try tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
        await server.shutdown()

        // The form comes back at the next start.
        let again = try await ProbeSession.start(
            environment: environment(home: home, server: server), program: Self.sparkler, readyText: "a lighthouse at dusk"
        )
        again.tmux.kill()
    }

    /// Generate, edit the picture with FLUX Kontext (F7, then the instruction), and the history links the two.
    @Test func editThePictureShownAndTheHistoryLinksBoth() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setKontextScript(KontextScript(polls: [.pending(progress: 0.4), .ready]))
        let (session, home) = try await startPlayground(server)
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }

        try tmux.sendText("a lighthouse at dusk")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Image · #1")
        try tmux.sendKeys("F7")
        try await tmux.waitFor("Editing #1 with FLUX.1 Kontext Pro")
        try tmux.sendText("make it night")
        try tmux.sendKeys("Enter")
        try await tmux.waitUntil("the edit made as entry 2") { $0.contains { $0.contains("Image · #2") } }
        let submitted = try #require(server.requests.first { $0.path.hasSuffix("/models/flux-kontext-pro") })
        #expect(submitted.json?["prompt"] == .string("make it night"))
        #expect(submitted.json?["input_image"] != nil, "the picture shown travels as the picture to edit")

        // The history, newest first: #2 says what it edits; #1 says what it was edited into.
        try tmux.sendKeys("BTab")
        try await tmux.waitFor("✎ edit of #1")
        try tmux.sendKeys("j")
        try await tmux.waitFor("edited into #2")
        try tmux.sendKeys("q")
        _ = try await session.waitForExit()
        await server.shutdown()
    }

    /// At 80x24 with TERM=xterm-256color inside tmux (which sends ESC[1~ for Home): Home and End edit the
    /// prompt, ↑ recalls the last prompt and ↓ gives the draft back, Ctrl-R finds it by a word, a long error reads in full with F2, and
    /// the compare menu shows every choice.
    @Test func keysMessagesAndMenusAtEightyByTwentyFour() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let long = "Invalid request: " + String(repeating: "this prompt mentions too many things ", count: 4) + "END-OF-MESSAGE"
        server.setDefault(.status(400, message: long))
        let (session, home) = try await startPlayground(server, width: 80, height: 24, term: "xterm-256color")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }

        try tmux.sendText("red fox")
        try tmux.sendKeys("Home")
        try tmux.sendText("a ")
        try tmux.sendKeys("End")
        try tmux.sendText("!")
        try await tmux.waitFor("│a red fox!")
        try tmux.sendKeys("Enter")
        // The status line has room for the start of the message only.
        try await tmux.waitFor("Fireworks rejected the")
        try tmux.sendKeys("F2")
        try await tmux.waitFor("END-OF-MESSAGE")
        // Any key closes it (not Esc: a key sent right after Esc would read as Alt and that key).
        try tmux.sendKeys("Space")
        try await tmux.waitUntil("the message view closed") { !$0.contains { $0.contains("Messages, newest first") } }

        try tmux.sendKeys("C-u")
        try tmux.sendText("a draft")
        try tmux.sendKeys("Up")
        try await tmux.waitFor("│a red fox!")
        try tmux.sendKeys("Down")
        try await tmux.waitFor("│a draft")
        // Ctrl-R searches the earlier prompts as a shell does; Esc gives the draft back.
        try tmux.sendKeys("C-r")
        try tmux.sendText("fox")
        try await tmux.waitFor("│a red fox!")
        try await tmux.waitFor("search: “fox”")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("│a draft")

        try tmux.sendKeys("F6")
        let menu = try await tmux.waitFor("CFG × seed")
        #expect(menu.allSatisfy { $0.count <= 80 })
        for title in ["2 seeds", "9 seeds", "CFG sweep", "steps sweep", "sampler sweep"] {
            #expect(menu.contains { $0.contains(title) }, "\(title) is on the screen")
        }
        try tmux.sendKeys("Escape")
        try await tmux.waitUntil("the menu closed") { !$0.contains { $0.contains("CFG × seed") } }
        try tmux.sendKeys("C-c")
        _ = try await session.waitForExit()
        await server.shutdown()
    }

    /// Readline's kill ring and undo in the prompt, with the keys as tmux sends them (Alt-Backspace and
    /// Alt-Y as Esc-prefixed bytes, Ctrl-_ as 0x1F).
    /// Emoji sequences tmux counts its own way (3.3a: a skin-toned thumb four columns, a heart with U+FE0F
    /// one) are laid out as the playground measured them at start-up: the cursor stands where tmux put the
    /// end of the text, and the prompt's border stays in its column.
    @Test func emojiSequencesKeepThePromptAligned() async throws {
        // Each with the width of its stand-in, drawn where the terminal gives it other than one or two columns.
        // (Not a digit after the flag: tmux's send-keys garbles a regional indicator followed by a digit.)
        let samples: [(String, Int)] = [
            ("1\u{FE0F}\u{20E3}", 1), ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2), ("\u{2764}\u{FE0F}", 1),
            ("\u{1F44D}\u{1F3FD}", 2), ("\u{1F1F3}\u{1F1F4}", 1),
        ]
        var expected = 0
        for (sample, standIn) in samples {
            let columns = try await tmuxColumns(of: sample)
            expected += (1...2).contains(columns) ? columns : standIn
        }

        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let (session, home) = try await startPlayground(server, width: 80, height: 24)
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }
        try tmux.sendText("ab")
        let before = try await tmux.waitFor("│ab")
        let start = try #require(Int(try tmux.format("#{cursor_x}")))
        let row = try #require(Int(try tmux.format("#{cursor_y}")))
        try tmux.sendKeys("Home")
        try tmux.sendText(samples.map(\.0).joined())
        try tmux.sendKeys("End")
        let after = try await tmux.waitUntil("the emoji typed before ab") { _ in
            (try? tmux.format("#{cursor_x}")) == String(start + expected)
        }
        #expect(after[row].last == before[row].last, "the border stays where it was:\n\(after[row])\n\(before[row])")
        #expect(after[row].contains("ab"))
    }

    /// The columns tmux moves the cursor for `sample`, printed at the start of an empty pane.
    private func tmuxColumns(of sample: String) async throws -> Int {
        let tmux = try Tmux(command: ["sh", "-c", "printf '%s|' \"$SAMPLE\"; exec cat"], environment: ["SAMPLE": sample], width: 20, height: 3)
        defer { tmux.kill() }
        try await tmux.waitFor("|")
        return try #require(Int(try tmux.format("#{cursor_x}"))) - 1
    }

    @Test func killYankAndUndoInThePrompt() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let (session, home) = try await startPlayground(server, width: 80, height: 24, term: "xterm-256color")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }

        try tmux.sendText("a red fox")
        try tmux.sendKeys("C-w", "Home", "C-y")
        try await tmux.waitFor("│foxa red ")
        try tmux.sendKeys("C-_")
        try await tmux.waitUntil("the yank undone") { lines in
            lines.contains { $0.contains("│a red ") } && !lines.contains { $0.contains("foxa") }
        }
        // Alt-Backspace kills "red", a kill of its own; Ctrl-Y yanks it, Alt-Y swaps it for "fox".
        try tmux.sendKeys("End", "M-BSpace", "C-y", "M-y")
        try await tmux.waitFor("│a fox ")
        try tmux.sendKeys("C-c")
        _ = try await session.waitForExit()
        await server.shutdown()
    }

    @Test func ctrlCWhileGeneratingAsksThenQuits() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setDefault(.hang)
        let (session, home) = try await startPlayground(server)
        defer { try? FileManager.default.removeItem(at: home) }
        defer { session.tmux.kill() }
        try session.tmux.sendText("a slow fox")
        try session.tmux.sendKeys("Enter")
        try await session.tmux.waitFor("generating")
        try session.tmux.sendKeys("Escape")
        try await session.tmux.waitFor("Cancelled.")
        try session.tmux.sendKeys("Enter")
        try await session.tmux.waitFor("generating")
        try session.tmux.sendKeys("C-c")
        try await session.tmux.waitFor("Quit anyway? (y/n)")
        try session.tmux.sendKeys("y")
        let (status, _) = try await session.waitForExit()
        #expect(status == 0)
        await server.shutdown()
    }

    @Test func compareFillsTheGridAndACellGoesIntoTheForm() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        server.setDefault(.delayed(.milliseconds(150), then: .answer()))
        let (session, home) = try await startPlayground(server)
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = session.tmux
        defer { tmux.kill() }

        try tmux.sendText("a red fox")
        try tmux.sendKeys("F6")
        try await tmux.waitFor("▸ 4 seeds")
        try tmux.sendKeys("Enter")
        let grid = try await tmux.waitFor("Compared: 4 of 4 made")
        let labels = grid.joined().matches(of: /seed (\d+)/).map { Int($0.1)! }
        #expect(Set(labels).count == 4, "four different seeds labelled: \(labels)")
        #expect(server.requests.count == 4)

        // The grid as one labelled PNG that carries every cell's parameters.
        let sheet = home.appendingPathComponent("grid.png")
        try tmux.sendKeys("x")
        try await tmux.waitFor("Export the grid")
        try tmux.sendKeys("C-u")
        try tmux.sendText(sheet.path)
        try tmux.sendKeys("Enter")
        // Four full-size pictures drawn into one PNG by a debug build, beside the rest of the tests.
        try await tmux.waitFor("Exported the grid", timeout: .seconds(60))
        let metadata = try #require(try ContactSheetMetadata.read(from: Data(contentsOf: sheet)))
        #expect(metadata.cells.count == 4)
        #expect(Set(metadata.cells.map(\.label)) == Set(labels.map { "seed \($0)" }))

        // The bottom-right cell, into the form: its seed is the one in the Seed row.
        try tmux.sendKeys("Right", "Down", "Enter")
        let main = try await tmux.waitFor("Took seed")
        let taken = try #require(main.joined().firstMatch(of: /Took seed (\d+)/).map { Int($0.1)! })
        #expect(main.contains { $0.contains("│Seed     \(taken)") && $0.contains("locked") })

        // History lists the comparison as one row, and Enter on it opens its grid again.
        let listed = try await tmux.waitFor("4× a red fox")
        #expect(listed.filter { $0.contains("a red fox") }.count <= 3, "the prompt box, the group's row and its detail:\n\(listed.joined(separator: "\n"))")
        try tmux.sendKeys("BTab", "Enter")
        try await tmux.waitFor("Group of 4: a red fox")
        try tmux.sendKeys("C-c")
        _ = try await session.waitForExit()
        await server.shutdown()
    }
}
