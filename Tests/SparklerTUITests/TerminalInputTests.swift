import Testing

/// Input decoding against a real terminal: keys tmux sends as a terminal would, echoed by
/// `terminal-probe` one numbered line per event.
@Suite("Terminal input in tmux")
struct TerminalInputTests {
    @Test func keysDecode() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        let keys: [(tmux: String, event: String)] = [
            ("Left", "key(left, [])"), ("S-Left", "key(left, [shift])"), ("S-Right", "key(right, [shift])"),
            ("C-Left", "key(left, [control])"), ("M-Up", "key(up, [alt])"), ("Down", "key(down, [])"),
            ("Home", "key(home, [])"), ("End", "key(end, [])"), ("PPage", "key(pageUp, [])"), ("NPage", "key(pageDown, [])"),
            ("IC", "key(insert, [])"), ("DC", "key(delete, [])"), ("BSpace", "key(backspace, [])"),
            ("Enter", "key(enter, [])"), ("Tab", "key(tab, [])"), ("BTab", "key(backTab, [])"),
            ("F1", "key(F1, [])"), ("F12", "key(F12, [])"), ("S-F2", "key(F2, [shift])"),
            ("C-a", "key(\"a\", [control])"), ("C-c", "key(\"c\", [control])"), ("M-b", "key(\"b\", [alt])"),
            ("M-BSpace", "key(backspace, [alt])"), ("M-y", "key(\"y\", [alt])"), ("C-_", "key(\"_\", [control])"),
            ("M-f", "key(\"f\", [alt])"), ("Escape", "key(escape, [])"), ("a", "key(\"a\", [])"),
        ]
        for (index, key) in keys.enumerated() {
            try probe.tmux.sendKeys(key.tmux)
            #expect(try await probe.waitForEvent(index + 1) == key.event, "tmux key \(key.tmux)")
        }
        try probe.tmux.sendText("é漢😀")
        #expect(try await probe.waitForEvent(keys.count + 1) == "key(\"é\", [])")
        #expect(try await probe.waitForEvent(keys.count + 2) == "key(\"漢\", [])")
        #expect(try await probe.waitForEvent(keys.count + 3) == "key(\"😀\", [])")
    }

    /// The same keys whatever TERM says and whichever variant the terminal sends: tmux inside with
    /// TERM=xterm-256color sends ESC[1~ for Home, which xterm's entry does not list; rxvt, the console and
    /// xterm's application mode send others. Each comes out as its key, never as typed text.
    @Test(arguments: ["xterm-256color", "screen", "tmux-256color", "xterm"])
    func keyVariantsDecodeUnderAnyTERM(term: String) async throws {
        let probe = try await ProbeSession.start(term: term)
        defer { probe.tmux.kill() }
        let named: [(tmux: String, event: String)] = [
            ("Home", "key(home, [])"), ("End", "key(end, [])"), ("C-Left", "key(left, [control])"), ("S-Right", "key(right, [shift])"),
            ("C-Home", "key(home, [control])"), ("M-End", "key(end, [alt])"), ("C-DC", "key(delete, [control])"),
        ]
        let raw: [(bytes: String, event: String)] = [
            ("[1~", "key(home, [])"), ("[4~", "key(end, [])"), ("[7~", "key(home, [])"), ("[8~", "key(end, [])"),
            ("[H", "key(home, [])"), ("[F", "key(end, [])"), ("OH", "key(home, [])"), ("OF", "key(end, [])"),
            ("[1;5D", "key(left, [control])"), ("[1;2H", "key(home, [shift])"), ("[5;5~", "key(pageUp, [control])"),
            ("[7^", "key(home, [control])"), ("[8$", "key(end, [shift])"), ("Od", "key(left, [control])"), ("[[A", "key(F1, [])"),
            // kitty's keyboard protocol and xterm's modifyOtherKeys, which no terminfo entry lists.
            ("[97;5u", "key(\"a\", [control])"), ("[98;3u", "key(\"b\", [alt])"), ("[127;3u", "key(backspace, [alt])"),
            ("[27;5;13~", "key(enter, [control])"), ("[3^", "key(delete, [control])"),
        ]
        var number = 0
        for key in named {
            number += 1
            try probe.tmux.sendKeys(key.tmux)
            let got = try await probe.waitForEvent(number)
            #expect(got == key.event, "\(term): tmux key \(key.tmux) gave \(got)")
        }
        for key in raw {
            number += 1
            try probe.tmux.sendBytes([27] + Array(key.bytes.utf8))
            #expect(try await probe.waitForEvent(number) == key.event, "\(term): ESC\(key.bytes)")
        }
    }

    @Test func mouseButtonsDragsAndWheelInCellCoordinates() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        // X10 mouse reports (tmux-256color's kmous): ESC [ M, then 32 + button code, 33 + column, 33 + row.
        func report(_ code: UInt8, x: UInt8, y: UInt8) -> [UInt8] { [0x1B, 0x5B, 0x4D, 32 + code, 33 + x, 33 + y] }
        try probe.tmux.sendBytes(report(0, x: 4, y: 2))
        #expect(try await probe.waitForEvent(1) == "mouse(press 1 at 4,2)")
        try probe.tmux.sendBytes(report(32, x: 6, y: 3))
        #expect(try await probe.waitForEvent(2) == "mouse(drag 1 at 6,3)")
        // A release and a wheel turn in one burst arrive as two events, in order.
        try probe.tmux.sendBytes(report(3, x: 7, y: 3) + report(64, x: 1, y: 1))
        #expect(try await probe.waitForEvent(3) == "mouse(release 1 at 7,3)")
        #expect(try await probe.waitForEvent(4) == "mouse(wheelUp at 1,1)")
        try probe.tmux.sendBytes(report(65, x: 0, y: 0))
        #expect(try await probe.waitForEvent(5) == "mouse(wheelDown at 0,0)")
    }

    @Test func bracketedPasteArrivesAsOneEventWithItsLineBreaks() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        try probe.tmux.paste("a lighthouse\nat dusk q")
        #expect(try await probe.waitForEvent(1) == "paste(\"a lighthouse\\nat dusk q\")")
        try probe.tmux.sendKeys("a")
        #expect(try await probe.waitForEvent(2) == "key(\"a\", [])", "keys after the paste are keys again")
    }

    /// Bytes that are not UTF-8 (a Latin-1 é, a stray continuation byte) come out as U+FFFD, and everything
    /// after them still arrives, typed or pasted (curses' own reading dropped the rest of the burst).
    @Test func invalidUTF8BecomesAReplacementCharacterAndTheRestIsKept() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        try probe.tmux.sendBytes([0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82, 0xAC])
        let expected = ["key(\"a\", [])", "key(\"\u{FFFD}\", [])", "key(\"b\", [])", "key(\"\u{FFFD}\", [])",
                        "key(\"(\", [])", "key(\"c\", [])", "key(\"€\", [])"]
        for (index, event) in expected.enumerated() {
            #expect(try await probe.waitForEvent(index + 1) == event)
        }
        try probe.tmux.paste("caf\u{E9} ok")
        #expect(try await probe.waitForEvent(expected.count + 1) == "paste(\"café ok\")")
    }

    @Test func resizeReportsTheNewSize() async throws {
        let probe = try await ProbeSession.start()
        defer { probe.tmux.kill() }
        try probe.tmux.resize(width: 90, height: 25)
        #expect(try await probe.waitForEvent(1) == "resize(90x25)")
        try await probe.tmux.waitFor("size=90x25")
    }
}
