import Glibc
import SparklerGraphics
import Synchronization

/// Puts the terminal back the way it was found when the process ends without
/// `TerminalSession.stop()`: on `exit`, on SIGINT, SIGTERM, SIGHUP and SIGQUIT, and when Swift code crashes
/// (fatalError and failed preconditions trap with SIGILL or SIGTRAP, bad memory with SIGSEGV or SIGBUS).
///
/// A signal handler may only do async-signal-safe work, so everything it touches is prepared before
/// it can run and never freed: the reset bytes (a static string in the binary), the termios saved
/// before ncurses changed anything, and the actions the handlers replaced. The handler writes the
/// bytes, restores the termios, puts the replaced action back (the default, or Swift's backtracer)
/// and raises the signal again, so the process ends as it would have, with the same status.
/// `armed` says whether the terminal needs restoring; exchanging it makes the restore happen once,
/// whichever path (stop, exit, signal) gets there first. While one handler runs every other signal
/// handled here waits, so a second Ctrl-C, SIGTERM or SIGQUIT cannot end the process half-way through
/// the restore; and `stop` disarms only once the terminal is back, so a signal during it restores too.
enum TerminalRestorer {
    /// Mouse reporting and bracketed paste off, attributes reset, keypad mode off, cursor shown,
    /// main screen back: xterm sequences, understood by every terminal Sparkler targets.
    private static let resetSequence: StaticString = """
        \u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\
        \u{1B}[0m\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l
        """

    private static let terminatingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// One slot per signal number; every signal handled here is below 32.
    private static let signalSlots = 32

    nonisolated(unsafe) private static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let replacedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
    private static let hasSavedModes = Atomic<Bool>(false)
    private static let armed = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)

    /// Saves the terminal's modes as they are now, and installs the handlers once per process.
    /// Call before ncurses changes anything.
    static func prepare() {
        hasSavedModes.store(tcgetattr(STDIN_FILENO, savedModes) == 0, ordering: .releasing)
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        replacedActions.initialize(repeating: sigaction(), count: signalSlots)
        atexit { TerminalRestorer.restoreIfArmed() }
        // A signal someone chose to ignore (nohup ignores SIGHUP) stays ignored.
        for signal in terminatingSignals { install(signal, unlessIgnored: true) }
        for signal in crashSignals { install(signal, unlessIgnored: false) }
    }

    static func arm() {
        armed.store(true, ordering: .releasing)
    }

    /// For a normal stop, which restores the terminal through ncurses itself.
    static func disarm() {
        armed.store(false, ordering: .releasing)
    }

    /// Async-signal-safe: write(2), tcsetattr(3) and the capture's replay.
    static func restoreIfArmed() {
        guard armed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        TerminalOutput.send(UnsafeBufferPointer(start: resetSequence.utf8Start, count: resetSequence.utf8CodeUnitCount))
        restoreModes()
        StandardErrorCapture.finish()
    }

    /// The modes `prepare` saved. ncurses' `endwin` gives back the modes it found, which are the
    /// terminal probe's quiet ones when the terminal was asked first.
    static func restoreModes() {
        if hasSavedModes.load(ordering: .acquiring) {
            tcsetattr(STDIN_FILENO, TCSANOW, savedModes)
        }
    }

    private static func install(_ signal: Int32, unlessIgnored: Bool) {
        let replaced = replacedActions + Int(signal)
        guard sigaction(signal, nil, replaced) == 0 else { return }
        let replacedHandler = unsafeBitCast(replaced.pointee.__sigaction_handler.sa_handler, to: Int.self)
        if unlessIgnored, replacedHandler == unsafeBitCast(SIG_IGN, to: Int.self) { return }
        // Swift's backtracer prints a backtrace for SIGQUIT and lets the program run on, its terminal given
        // back under it, until a second SIGQUIT kills it: quitting is what was asked, so the default it is.
        if signal == SIGQUIT { replaced.pointee = sigaction() }
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        for handled in terminatingSignals + crashSignals { sigaddset(&action.sa_mask, handled) }
        action.sa_flags = SA_ONSTACK
        action.__sigaction_handler.sa_handler = { signal in
            TerminalRestorer.restoreIfArmed()
            sigaction(signal, TerminalRestorer.replacedActions + Int(signal), nil)
            // Blocked until this handler returns, then delivered to the replaced action.
            raise(signal)
        }
        sigaction(signal, &action, nil)
    }
}
