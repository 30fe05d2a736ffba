@testable import SparklerGraphics
import Testing

/// Which terminfo entry ncurses draws with, against this machine's terminfo database (ncurses-term is one of
/// the test packages) and against a made-up one where an entry must be missing.
@Suite struct CursesTerminalTypeTests {
    private func answers(_ replies: TerminalReply...) -> TerminalAnswers { TerminalAnswers(replies) }

    @Test func aTerminalThatAnswersRGBGetsTheDirectSiblingOfItsTerm() {
        let chosen = CursesTerminalType.choose(
            environment: ["TERM": "xterm-256color"], answers: answers(.capability(name: "RGB", value: "8/8/8"), .primaryAttributes([62])))
        #expect(chosen.name == "xterm-direct")
        #expect(chosen.colors == 1 << 24)
        #expect(chosen.reason == "xterm-direct (direct colour: the terminal answers XTGETTCAP RGB/Tc; TERM=xterm-256color has 256 colours)")
    }

    @Test(arguments: [
        (["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"], "kitty-direct"),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], "xterm-direct"),
        (["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0", "COLORTERM": "24bit"], "tmux-direct"),
    ])
    func aClaimInTheEnvironmentIsEnoughWhenTheTerminalSaysNothing(environment: [String: String], expected: String) {
        let chosen = CursesTerminalType.choose(environment: environment, answers: nil)
        #expect(chosen.name == expected)
        #expect(chosen.colors == 1 << 24)
    }

    @Test(arguments: [
        ["TERM": "xterm-256color"],
        // Already direct: nothing to change.
        ["TERM": "xterm-direct", "COLORTERM": "truecolor"],
        // GNU screen draws 256 colours whatever the terminal outside takes.
        ["TERM": "screen-256color", "STY": "1.pts-0.host", "COLORTERM": "truecolor"],
        ["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"],
    ])
    func termIsKeptWithoutEvidenceOrWhereDirectColourCannotHelp(environment: [String: String]) {
        let chosen = CursesTerminalType.choose(environment: environment, answers: answers(.primaryAttributes([62, 4])))
        #expect(chosen.name == nil)
        #expect(chosen.reason == "TERM=\(environment["TERM"]!)")
    }

    @Test func aMissingSiblingKeepsTermAndSaysWhatToInstall() {
        let database = ["foot": 256]
        let chosen = CursesTerminalType.choose(
            environment: ["TERM": "foot", "COLORTERM": "truecolor"], answers: nil, colorsOf: { database[$0] })
        #expect(chosen.name == nil)
        #expect(chosen.colors == 256)
        #expect(chosen.reason == "TERM=foot (direct colour: COLORTERM=truecolor, but no direct-colour entry for it is installed; ncurses-term has them)")
    }

    @Test func anUnknownTermIsLeftToNcursesToRefuse() {
        let chosen = CursesTerminalType.choose(environment: ["TERM": "no-such-terminal", "COLORTERM": "truecolor"], answers: nil)
        #expect(chosen.name == nil)
        #expect(chosen.colors == nil)
    }

    @Test(arguments: [
        ("xterm-256color", ["xterm-direct"]),
        ("xterm-kitty", ["kitty-direct", "xterm-direct"]),
        ("tmux-256color", ["tmux-direct"]),
        ("foot", ["foot-direct"]),
        ("konsole-256color", ["konsole-direct"]),
    ])
    func siblings(term: String, expected: [String]) {
        #expect(CursesTerminalType.directSiblings(of: term) == expected)
    }
}
