import Glibc

/// Asks the terminal on standard input and output `TerminalQuery`'s questions and reads the answers,
/// waiting at most `timeout` for a terminal that never answers. Keys typed meanwhile are kept, in order,
/// for the input reader: nothing the user types is lost and no answer is ever taken for a key.
public struct TerminalProbe: Sendable {
    public struct Result: Sendable {
        public var answers: TerminalAnswers
        /// Bytes that were not answers: keys typed while waiting.
        public var typed: [UInt8]
        /// How long the round trip took.
        public var waited: Duration
        /// Whether DA1 came back before the deadline (every terminal that answers at all answers it).
        public var complete: Bool
    }

    public static let defaultTimeout: Duration = .milliseconds(150)

    /// How long a terminal may take to answer a caller that stays in control of the input (the playground:
    /// ncurses reads a late answer and recognises it).
    public var timeout: Duration
    /// How long it may take when the caller gives the terminal back afterwards (`render`, `doctor`): an
    /// answer arriving after echo is back on would be printed on the screen, so a slow link (ssh) is waited
    /// for. Only a terminal that never answers costs this long. 3 s: kitty drawing in software on a busy
    /// two-core machine was seen answering after more than 1 s, and its echoed answer shifted the picture.
    public var givingBackTimeout: Duration

    /// Whether to measure emoji widths too (`TerminalQuery.emojiMeasurement`): only for the playground,
    /// which lays text out itself and owns the screen it prints the samples on.
    public var measuresEmoji: Bool

    public init(timeout: Duration = defaultTimeout, givingBackTimeout: Duration = .seconds(3), measuresEmoji: Bool = false) {
        self.timeout = timeout
        self.givingBackTimeout = givingBackTimeout
        self.measuresEmoji = measuresEmoji
    }

    /// Whether standard input and output are both the terminal to ask.
    public static var canAsk: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Asks the process's controlling terminal (`/dev/tty`) whatever standard output is (`doctor > report`);
    /// nil when there is none.
    public func askControllingTerminal() -> (Result, TerminalWindow?)? {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        return (ask(input: terminal, output: terminal), TerminalWindow.of(descriptor: terminal))
    }

    /// Puts the terminal in non-canonical mode without echo for the round trip and, unless `staysQuiet`, back
    /// as it was. Staying quiet is for the caller that starts ncurses next: an answer that comes late is then
    /// read as input and recognised, never echoed onto the screen.
    public func ask(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, staysQuiet: Bool = false) -> Result {
        var saved = termios()
        let haveModes = tcgetattr(input, &saved) == 0
        if haveModes {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
            withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
                cc[Int(VMIN)] = 0
                cc[Int(VTIME)] = 0
            }
            tcsetattr(input, TCSANOW, &quiet)
        }
        defer { if haveModes && !staysQuiet { tcsetattr(input, TCSANOW, &saved) } }

        let clock = ContinuousClock()
        let start = clock.now
        TerminalOutput.send((measuresEmoji ? TerminalQuery.emojiMeasurement : "") + TerminalQuery.sequence, to: output)
        var parser = TerminalReplyParser()
        var answers = TerminalAnswers()
        var typed: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = start + (staysQuiet ? timeout : max(timeout, givingBackTimeout))
        while answers.primaryAttributes == nil {
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { break }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, Self.milliseconds(left))))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = read(input, &buffer, buffer.count)
            guard count > 0 else { break }
            Self.sort(parser.feed(buffer[0..<count]), into: &answers, typed: &typed)
        }
        // A sequence cut short by the deadline is typed input.
        Self.sort(parser.finish(), into: &answers, typed: &typed)
        return Result(answers: answers, typed: typed, waited: start.duration(to: clock.now), complete: answers.primaryAttributes != nil)
    }

    private static func sort(_ items: [TerminalReplyParser.Item], into answers: inout TerminalAnswers, typed: inout [UInt8]) {
        for item in items {
            switch item {
            case .reply(let reply): answers.record(reply)
            case .input(let bytes): typed += bytes
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
