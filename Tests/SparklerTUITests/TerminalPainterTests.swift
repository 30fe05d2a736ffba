import Testing

/// The painter against a real terminal: `terminal-probe` in tmux (see Support/ProbeSession.swift).
@Suite("Terminal painting in tmux")
struct TerminalPainterTests {
    @Test func paintsStyledCellsWithWideCharactersTakingTwoColumns() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let screen = try probe.tmux.capture()
        #expect(screen[0].hasPrefix("terminal-probe pid=") && screen[0].hasSuffix("colors=256 size=120x40"))
        // 漢字 at columns 10-13, then '#' at 14, 😀 at 15-16 and '!' at 17.
        #expect(screen[2] == "wide:     漢字#😀!")
        let styled = try probe.tmux.capture(escapes: true)[1]
        #expect(styled.contains("\u{1B}[1mbold"))
        #expect(styled.contains("\u{1B}[38;5;196mred"))
        #expect(styled.contains("\u{1B}[44mblue"))
        #expect(try probe.tmux.format("#{alternate_on} #{cursor_flag} #{mouse_button_flag}") == "1 0 1")
    }

    @Test func directColourTerminalsGetTrueColour() async throws {
        let probe = try await ProbeSession.start(term: "tmux-direct")
        defer { probe.tmux.kill() }
        #expect(try probe.tmux.capture()[0].contains("colors=16777216"))
        #expect(try probe.tmux.capture(escapes: true)[1].contains("\u{1B}[38;2;255;0;0mred"))
    }

    @Test func graphicsPlacementsStayUntilRemovedAndComeBackAfterAResize() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let shown = "bold red blue                           PICTUREhe picture"
        try probe.tmux.sendKeys("p")
        try await probe.waitForEvent(1)
        #expect(try probe.tmux.capture()[1] == shown)
        // Another frame with the picture unchanged neither paints over it nor sends it again.
        try probe.tmux.sendKeys("x")
        try await probe.waitForEvent(2)
        #expect(try probe.tmux.capture()[1] == shown)
        try probe.tmux.resize(width: 100, height: 30)
        try await probe.waitForEvent(3)
        #expect(try probe.tmux.capture()[1] == shown)
        try probe.tmux.sendKeys("p")
        try await probe.waitForEvent(4)
        #expect(try probe.tmux.capture()[1] == "bold red blue                           under the picture")
    }

    /// A replaced picture is never missing for a frame: its successor goes out before its removal.
    @Test func aReplacedLayeredPictureIsRemovedOnlyAfterItsSuccessorIsSent() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let title = { try probe.tmux.format("#{pane_title}") }
        try probe.tmux.sendKeys("k")
        try await probe.waitForEvent(1)
        #expect(try probe.tmux.capture()[1].contains("LAYEREDA"))
        #expect(try title() == "layered A placed")
        try probe.tmux.sendKeys("x")
        try await probe.waitForEvent(2)
        #expect(try title() == "layered A placed", "an unchanged picture is neither sent again nor removed")
        try probe.tmux.sendKeys("l")
        try await probe.waitForEvent(3)
        #expect(try probe.tmux.capture()[1].contains("LAYEREDB"))
        #expect(try title() == "layered A removed")
        try probe.tmux.sendKeys("k")
        try await probe.waitForEvent(4)
        #expect(try title() == "layered B removed")
        #expect(try !probe.tmux.capture()[1].contains("LAYERED"))
    }
}
