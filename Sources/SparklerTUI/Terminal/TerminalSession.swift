import CNcurses
import Foundation
import SparklerGraphics

public enum TerminalError: Error, CustomStringConvertible {
    case notInteractive
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notInteractive:
            return "sparkler's interactive mode needs a terminal on standard input and output"
        case .unknownTerminal(let name):
            return "the terminal type '\(name)' is unknown here: set TERM to one this system knows (e.g. xterm-256color)"
        }
    }
}

/// The terminal while Sparkler owns it: ncurses on the alternate screen in raw mode (Ctrl-C is a
/// key), keys decoded by curses, mouse buttons and drags reported, colours started, cursor hidden.
/// `stop()` puts it back; so do `exit`, fatal signals and crashes, through `TerminalRestorer`.
/// What is written to standard error meanwhile is held back and shown after (`StandardErrorCapture`).
///
/// One session per process, used from one thread only: ncurses is not thread-safe. Read input with
/// an `InputReader` and draw with a `FramePainter` made from it, and stop using both after `stop()`.
public final class TerminalSession {
    /// How many colours the terminal's terminfo entry claims (COLORS); 0 without colour.
    public let colorCount: Int
    public let colorMode: ColorMode
    /// The terminfo entry ncurses draws with, and why.
    public let terminalType: CursesTerminalType
    /// What the terminal answered when asked before ncurses started; nil when it was not asked.
    public let probe: TerminalProbe.Result?
    private var screen: OpaquePointer?
    /// Counts the resizes the reader has seen, so the painter knows to repaint everything.
    private(set) var resizeCount = 0

    /// Whether standard input and output are both terminals; without them there is nothing to drive.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// `probe` asks the terminal about itself before ncurses writes anything, so that the answers can choose
    /// the terminfo entry (`CursesTerminalType`); the answers are kept in `probe`.
    public init(asking probe: TerminalProbe? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isInteractive else { throw TerminalError.notInteractive }
        Self.useEnvironmentLocale()
        TerminalRestorer.prepare()
        self.probe = probe?.ask(staysQuiet: true)
        terminalType = CursesTerminalType.choose(environment: environment, answers: self.probe?.answers)
        guard let screen = sparkler_newterm(terminalType.name) else {
            TerminalRestorer.restoreModes()
            throw TerminalError.unknownTerminal(environment["TERM"] ?? "")
        }
        StandardErrorCapture.begin()
        TerminalRestorer.arm()
        self.screen = screen
        let window = sparkler_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // Esc alone must feel instant; escape sequences arrive in one burst well within this.
        set_escdelay(25)
        // A refresh always completes, so graphics written after it are never painted over later.
        typeahead(-1)
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(sparkler_colors())
        } else {
            colorCount = 0
        }
        colorMode = ColorMode(colorCount: colorCount)
        Self.enableMouse()
        Self.enableBracketedPaste()
        KeySequences.register()
        curs_set(0)
    }

    deinit {
        stop()
    }

    /// The screen's size in cells, as it is now.
    public var size: (width: Int, height: Int) {
        (Int(sparkler_cols()), Int(sparkler_lines()))
    }

    /// Gives the terminal back as it was found: main screen, cursor, modes. Safe to call twice.
    public func stop() {
        guard let screen else { return }
        TerminalOutput.send("\u{1B}[?1002l\u{1B}[?2004l")
        endwin()
        delscreen(screen)
        TerminalRestorer.restoreModes()
        // Only now: a signal while the terminal was being given back restores it all the same.
        TerminalRestorer.disarm()
        self.screen = nil
        StandardErrorCapture.finish()
    }

    func noteResize() {
        resizeCount += 1
    }

    /// Key codes curses reports for the markers around pasted text. Ours are far above KEY_MAX: curses
    /// numbers the keys of terminfo's extended capabilities (kLFT5 ...) from KEY_MAX + 1 up.
    static let pasteStart = KEY_MAX + 2000
    static let pasteEnd = KEY_MAX + 2001

    /// Asks the terminal to mark pasted text (xterm's mode 2004), and curses to report the markers as
    /// keys, so a paste with line breaks is text, not a run of Enter presses.
    private static func enableBracketedPaste() {
        define_key("\u{1B}[200~", pasteStart)
        define_key("\u{1B}[201~", pasteEnd)
        TerminalOutput.send("\u{1B}[?2004h")
    }

    /// Button presses, releases, wheel and drags. No click detection: it would hold every press
    /// back to see whether a release follows.
    private static func enableMouse() {
        var mask = sparkler_report_mouse_position()
        for button: Int32 in 1...5 {
            mask |= sparkler_button_pressed(button)
        }
        for button: Int32 in 1...3 {
            mask |= sparkler_button_released(button)
        }
        guard mousemask(mask, nil) != 0 else { return }
        mouseinterval(0)
        // ncurses asks only for button events (1000); 1002 adds motion while a button is held.
        TerminalOutput.send("\u{1B}[?1002h")
    }

    /// The user's locale, for wide characters. A bare C locale (common in containers and over ssh)
    /// would turn every non-ASCII glyph into an escape, while the terminal almost certainly speaks
    /// UTF-8: then C.UTF-8, as tmux assumes too.
    private static func useEnvironmentLocale() {
        setlocale(LC_ALL, "")
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
