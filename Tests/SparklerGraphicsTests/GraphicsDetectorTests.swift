import SparklerCore
@testable import SparklerGraphics
import Testing

/// The one graphics decision, from permutations of the environment a terminal gives.
@Suite struct GraphicsDetectorTests {
    private func detect(
        _ environment: [String: String], _ detector: GraphicsDetector = GraphicsDetector(), colors: Int? = nil
    ) -> TerminalGraphics {
        detector.detect(environment: environment, cursesColorCount: colors)
    }

    @Test func xterm256ColorGetsSymbolsIn256Colours() {
        let graphics = detect(["TERM": "xterm-256color"])
        #expect(graphics.mode == .symbols)
        #expect(graphics.colorDepth == .palette256)
        #expect(graphics.modeReason.contains("TERM=xterm-256color"))
        #expect(!graphics.format.wrapsForTmux)
    }

    @Test(arguments: [
        ["TERM": "xterm-256color", "COLORTERM": "truecolor"],
        ["TERM": "xterm-256color", "COLORTERM": "24bit"],
        ["TERM": "xterm-direct"],
    ])
    func directColourWhereTheTerminalClaimsIt(environment: [String: String]) {
        let graphics = detect(environment)
        #expect(graphics.colorDepth == .truecolor)
        #expect(graphics.mode == .symbols)
    }

    @Test func tmuxWithoutPassthroughGetsSymbolsIn256ColoursEvenInKitty() {
        let graphics = detect(["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0", "KITTY_WINDOW_ID": "1"])
        #expect(graphics.mode == .symbols)
        #expect(graphics.modeReason == "inside tmux without passthrough: symbols")
        // chafa's database has no direct-colour sequence for tmux-256color.
        #expect(graphics.colorDepth == .palette256)
        #expect(graphics.colorReason.contains("no direct-colour sequence"))
        #expect(graphics.terminal.insideTmux)
        #expect(!graphics.tmuxPassthroughAllowed)
        // chafa (and so Sparkler) trusts COLORTERM inside tmux too.
        #expect(detect(["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0", "COLORTERM": "truecolor"]).colorDepth == .truecolor)
    }

    @Test func tmuxWithPassthroughInKittyGetsWrappedKitty() {
        let environment = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0", "KITTY_WINDOW_ID": "3"]
        let graphics = detect(environment, GraphicsDetector(allowsTmuxPassthrough: true))
        #expect(graphics.mode == .kitty)
        #expect(graphics.format.wrapsForTmux)
        #expect(graphics.modeReason.contains("passthrough"))
        #expect(graphics.tmuxPassthroughAllowed)
    }

    @Test func tmuxWithPassthroughButAnUnknownOuterTerminalGetsSymbols() {
        let graphics = detect(["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"], GraphicsDetector(allowsTmuxPassthrough: true))
        #expect(graphics.mode == .symbols)
        #expect(!graphics.format.wrapsForTmux)
        #expect(graphics.modeReason.contains("unknown"))
    }

    @Test(arguments: [
        ["TERM": "xterm-kitty"],
        ["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"],
    ])
    func kittyGetsKittyGraphicsInTruecolor(environment: [String: String]) {
        let graphics = detect(environment)
        #expect(graphics.mode == .kitty)
        #expect(graphics.colorDepth == .truecolor)
        #expect(!graphics.format.wrapsForTmux)
    }

    @Test(arguments: ["mlterm", "foot"])
    func sixelTerminalsFromChafasDatabaseGetSixel(term: String) {
        let graphics = detect(["TERM": term])
        #expect(graphics.mode == .sixel)
        #expect(graphics.modeReason.contains("chafa's terminal database"))
    }

    @Test func weztermGetsITerm2Images() {
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]).mode == .iterm2)
    }

    @Test func noColorGetsMonochromeSymbolsEvenInKitty() {
        let graphics = detect(["TERM": "xterm-kitty", "NO_COLOR": "1"])
        #expect(graphics.mode == .symbols)
        #expect(graphics.colorDepth == .none)
        #expect(graphics.modeReason.contains("NO_COLOR"))
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": ""]).colorDepth == .palette256, "an empty NO_COLOR does not count")
    }

    @Test func theUserOverridesTheDetection() {
        let sixel = detect(["TERM": "xterm-256color"], GraphicsDetector(preference: .sixel))
        #expect(sixel.mode == .sixel)
        #expect(sixel.modeReason == "sixel was asked for")

        let symbols = detect(["TERM": "xterm-kitty"], GraphicsDetector(preference: .symbols, colorPreference: .sixteen, symbols: .braille))
        #expect(symbols.format == PictureFormat(mode: .symbols, colorDepth: .sixteen, symbols: .braille))

        let colours = detect(["TERM": "xterm-256color", "NO_COLOR": "1"], GraphicsDetector(colorPreference: .truecolor))
        #expect(colours.colorDepth == .truecolor)
    }

    @Test func anOverrideCannotGetThroughTmuxWithoutPassthrough() {
        let tmux = ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]
        let blocked = detect(tmux, GraphicsDetector(preference: .sixel))
        #expect(blocked.mode == .symbols)
        #expect(blocked.modeReason == "sixel was asked for, but inside tmux without passthrough: symbols")

        let allowed = detect(tmux, GraphicsDetector(preference: .sixel, allowsTmuxPassthrough: true))
        #expect(allowed.mode == .sixel)
        #expect(allowed.format.wrapsForTmux)
    }

    @Test func ncursesColourCountBoundsTheDepth() {
        #expect(detect(["TERM": "xterm-256color", "COLORTERM": "truecolor"], colors: 256).colorDepth == .palette256)
        #expect(detect(["TERM": "xterm-direct"], colors: 16_777_216).colorDepth == .truecolor)
        #expect(detect(["TERM": "xterm"], colors: 8).colorDepth == .sixteen)
        #expect(detect(["TERM": "xterm-256color"], colors: 256).colorReason.contains("ncurses reports 256 colours"))
    }

    @Test func plainTerminalsGetWhatTheyCanShow() {
        #expect(detect(["TERM": "linux"]).colorDepth == .sixteen)
        #expect(detect(["TERM": "dumb"]).colorDepth == .none)
        #expect(detect([:]).colorDepth == .palette256)
        #expect(detect([:]).mode == .symbols)
        #expect(detect(["TERM": "screen-256color", "STY": "1234.pts-0"], GraphicsDetector(preference: .kitty)).mode == .symbols)
    }

    @Test func configSettingsBecomeTheDetectorsPreferences() {
        var settings = SparklerConfig.TerminalSettings()
        #expect(GraphicsDetector(settings: settings).preference == .auto)
        settings.graphics = "sixel"
        settings.colors = "16"
        settings.symbols = "braille"
        settings.tmuxPassthrough = true
        let detector = GraphicsDetector(settings: settings)
        #expect(detector.preference == .sixel)
        #expect(detector.colorPreference == .sixteen)
        #expect(detector.symbols == .braille)
        #expect(detector.allowsTmuxPassthrough)
        settings.colors = "auto"
        #expect(GraphicsDetector(settings: settings).colorPreference == nil)
    }

    @Test func userSpellingsOfColourDepths() {
        #expect(ColorDepth(userValue: "256") == .palette256)
        #expect(ColorDepth(userValue: "TrueColor") == .truecolor)
        #expect(ColorDepth(userValue: "16") == .sixteen)
        #expect(ColorDepth(userValue: "none") == ColorDepth.none)
        #expect(ColorDepth(userValue: "12") == nil)
    }

    // MARK: the terminal's own answers, with no hint in the environment

    private func answers(_ replies: TerminalReply...) -> TerminalAnswers { TerminalAnswers(replies) }
    private let bare = ["TERM": "xterm-256color"]

    @Test func xtermAsAVT340AnswersDA1WithSixelAndGetsSixel() {
        let graphics = GraphicsDetector().detect(
            environment: bare, answers: answers(.version("XTerm(379)"), .primaryAttributes([63, 1, 2, 4, 6, 9, 15, 16, 22, 28, 29])))
        #expect(graphics.mode == .sixel)
        #expect(graphics.modeReason.contains("attribute 4"))
        #expect(!graphics.format.wrapsForTmux)
    }

    @Test func plainXtermGetsSymbolsAndSaysWhy() {
        let graphics = GraphicsDetector().detect(
            environment: bare, answers: answers(.version("XTerm(379)"), .primaryAttributes([64, 1, 2, 6, 9, 15, 16, 17, 18, 21, 22, 28])))
        #expect(graphics.mode == .symbols)
        #expect(graphics.modeReason.contains("XTerm(379)") && graphics.modeReason.contains("without sixel or kitty"))
    }

    @Test func aTerminalThatAnswersTheKittyQueryGetsKittyWithoutAnyHint() {
        let graphics = GraphicsDetector().detect(environment: bare, answers: answers(.kittyGraphics(true), .primaryAttributes([62])))
        #expect(graphics.mode == .kitty)
        #expect(graphics.modeReason.contains("kitty graphics query with OK"))
    }

    @Test(arguments: ["WezTerm 20240203-110809-5046fc22", "iTerm2 3.5.0", "mintty 3.6.4"])
    func terminalsNamingThemselvesAsITerm2ImageTerminalsGetITerm2(version: String) {
        let graphics = GraphicsDetector().detect(environment: bare, answers: answers(.version(version), .primaryAttributes([62, 4])))
        #expect(graphics.mode == .iterm2)
        #expect(graphics.modeReason.contains(version))
    }

    @Test func insideTmuxWithItsOwnSixelTheSixelIsNotWrapped() {
        let tmux = ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]
        let graphics = GraphicsDetector().detect(environment: tmux, answers: answers(.primaryAttributes([1, 2, 4])))
        #expect(graphics.mode == .sixel)
        #expect(!graphics.format.wrapsForTmux)
        #expect(GraphicsDetector().detect(environment: tmux, answers: answers(.primaryAttributes([1, 2]))).mode == .symbols)
    }

    @Test func silenceFallsBackToTheEnvironmentAndSaysSo() {
        let graphics = GraphicsDetector().detect(environment: ["TERM": "xterm-kitty"], answers: TerminalAnswers())
        #expect(graphics.mode == .kitty)
        #expect(graphics.modeReason.contains("did not answer within 150 ms"))
    }

    @Test func xtgettcapRGBMeansTruecolorWhereNcursesIsNotRunning() {
        let graphics = GraphicsDetector().detect(environment: bare, answers: answers(.capability(name: "RGB", value: "8/8/8"), .primaryAttributes([62])))
        #expect(graphics.colorDepth == .truecolor)
        #expect(graphics.colorReason.contains("XTGETTCAP"))
    }

    @Test func terminfoGivesTheColourCountWithoutNcursesRunning() {
        #expect(GraphicsDetector().detect(environment: ["TERM": "xterm"]).colorDepth == .sixteen)
        #expect(GraphicsDetector().detect(environment: ["TERM": "xterm"]).colorReason.contains("terminfo gives TERM=xterm 8 colours"))
    }

    @Test func theCellSizeTravelsInThePictureFormat() {
        let window = TerminalWindow(columns: 100, rows: 40, pixelWidth: 700, pixelHeight: 600)
        let graphics = GraphicsDetector().detect(environment: bare, window: window)
        #expect(graphics.format.cell == PixelSize(width: 7, height: 15))
        #expect(graphics.cell.source == .kernel)
    }
}
