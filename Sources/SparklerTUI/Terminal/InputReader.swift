import CNcurses
import SparklerGraphics

/// Reads keys, mouse events and resizes from the session's terminal, one at a time.
public final class InputReader {
    private enum Raw {
        case character(UInt32)
        case keyCode(Int32)
    }

    private let session: TerminalSession
    /// The mouse button held down, so that motion reports become drags of that button.
    private var heldButton = 0
    private var appliedTimeout: Int32?
    /// Mouse events curses delivered together, oldest first, handed out one per call.
    private var pending: [InputEvent] = []
    /// Bytes become characters here rather than in curses (see `UTF8Assembler`).
    private var utf8 = UTF8Assembler()
    /// What one read produced beyond its first item (a broken character before the byte that broke it).
    private var assembled: [Raw] = []

    public init(session: TerminalSession) {
        self.session = session
    }

    /// The next event, or nil when none arrives within `timeout`.
    public func next(timeout: Duration) -> InputEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let left = max(clock.now.duration(to: deadline), .zero)
            guard let raw = read(milliseconds: Self.milliseconds(left)) else { return nil }
            if let event = decode(raw) { return event }
            // Input that means nothing here (motion without a button, an unknown key): keep waiting.
            if clock.now >= deadline { return nil }
        }
    }

    private func read(milliseconds: Int32) -> Raw? {
        if !assembled.isEmpty { return assembled.removeFirst() }
        let window = sparkler_stdscr()
        while true {
            // The bytes of one character arrive together: a pause within one means it is broken.
            let wait = utf8.isIncomplete ? max(milliseconds, 50) : milliseconds
            if appliedTimeout != wait {
                wtimeout(window, wait)
                appliedTimeout = wait
            }
            let value = wgetch(window)
            if value == ERR {
                assembled = utf8.flush().map { .character($0.value) }
                return assembled.isEmpty ? nil : assembled.removeFirst()
            }
            if value > 0xFF {
                assembled = utf8.flush().map { .character($0.value) } + [.keyCode(value)]
                return assembled.removeFirst()
            }
            let scalars = utf8.feed(UInt8(value))
            if !scalars.isEmpty {
                assembled = scalars.map { .character($0.value) }
                return assembled.removeFirst()
            }
        }
    }

    private func decode(_ raw: Raw) -> InputEvent? {
        switch raw {
        case .character(27):
            // curses has already waited ESCDELAY for a sequence it knows; a key that came with the
            // Esc is waiting in its buffer now, and means Alt (Alt-B sends Esc b) — or it begins a
            // terminal's answer that came late, which is read whole and never typed.
            guard let following = read(milliseconds: 0) else { return .key(.escape) }
            if case .character(let value) = following, TerminalReplyParser.mayBeginReply(value) {
                return lateReply(startingWith: UInt8(value))
            }
            guard let event = decode(following) else { return .key(.escape) }
            guard case .key = event else {
                // A resize or a click right after Esc is not Alt-anything: keep both, in order.
                pending.insert(event, at: 0)
                return .key(.escape)
            }
            return KeyDecoder.addingAlt(to: event)
        case .character(let value):
            return KeyDecoder.character(value)
        case .keyCode(KEY_RESIZE):
            session.noteResize()
            let size = session.size
            return .resize(width: size.width, height: size.height)
        case .keyCode(KEY_MOUSE):
            pending = mouseEvents()
            return pending.isEmpty ? nil : pending.removeFirst()
        case .keyCode(TerminalSession.pasteStart):
            return .paste(pastedText())
        case .keyCode(let code):
            if let event = KeyDecoder.functionKey(code) ?? KeySequences.event(forCode: code) { return event }
            return keyname(code).flatMap { KeyDecoder.extendedKey(named: String(cString: $0)) }
        }
    }

    /// Esc and `introducer` have been read: the rest of what arrived with them is a terminal's answer, or
    /// keys after all (a key sequence curses has no entry for, such as kitty's `CSI u`, or Alt-[ and what
    /// was typed next), which come out as keys, in order.
    private func lateReply(startingWith introducer: UInt8) -> InputEvent? {
        var parser = TerminalReplyParser()
        var items = parser.feed([27, introducer])
        while items.isEmpty, let raw = read(milliseconds: 0) {
            guard case .character(let value) = raw, value < 0x80 else {
                // Not part of an answer: what came so far was typed, and so was this.
                items = parser.finish()
                if let event = decode(raw) { pending.append(event) }
                break
            }
            items = parser.feed([UInt8(value)])
        }
        if items.isEmpty { items = parser.finish() }
        var events: [InputEvent] = []
        for item in items {
            switch item {
            case .reply(let reply): events.append(.terminalReply(reply))
            case .input(let bytes): events += TypedBytesDecoder.events(bytes)
            }
        }
        pending.insert(contentsOf: events.dropFirst(), at: 0)
        return events.first
    }

    /// Puts bytes the terminal sent before the reader started (keys typed during the start-up query)
    /// back in front of the input, in order.
    public func pushBack(_ bytes: [UInt8]) {
        for byte in bytes.reversed() { ungetch(Int32(byte)) }
    }

    /// The text up to the paste's end marker. A terminal sends it in one burst; a pause of half a
    /// second means the end marker was lost, and what arrived is the paste.
    private func pastedText() -> String {
        var scalars = String.UnicodeScalarView()
        while let raw = read(milliseconds: 500) {
            switch raw {
            case .character(13): scalars.append("\n")
            case .character(let value): Unicode.Scalar(value).map { scalars.append($0) }
            case .keyCode(TerminalSession.pasteEnd): return String(scalars)
            case .keyCode(KEY_ENTER): scalars.append("\n")
            case .keyCode: break
            }
        }
        return String(scalars)
    }

    /// Every mouse event curses has queued. Events that arrive in one burst (a press and its
    /// release) come back as one KEY_MOUSE, and `getmouse` pops them newest first.
    private func mouseEvents() -> [InputEvent] {
        var queued: [MEVENT] = []
        var event = MEVENT()
        while getmouse(&event) == OK {
            queued.append(event)
        }
        return queued.reversed().compactMap(mouseEvent)
    }

    private func mouseEvent(_ event: MEVENT) -> InputEvent? {
        let (x, y, state) = (Int(event.x), Int(event.y), event.bstate)
        if state & sparkler_button_pressed(4) != 0 { return .mouse(MouseEvent(kind: .wheelUp, button: 0, x: x, y: y)) }
        if state & sparkler_button_pressed(5) != 0 { return .mouse(MouseEvent(kind: .wheelDown, button: 0, x: x, y: y)) }
        for button: Int32 in 1...3 {
            if state & sparkler_button_pressed(button) != 0 {
                heldButton = Int(button)
                return .mouse(MouseEvent(kind: .press, button: heldButton, x: x, y: y))
            }
            if state & sparkler_button_released(button) != 0 {
                heldButton = 0
                return .mouse(MouseEvent(kind: .release, button: Int(button), x: x, y: y))
            }
        }
        guard state & sparkler_report_mouse_position() != 0, heldButton != 0 else { return nil }
        return .mouse(MouseEvent(kind: .drag, button: heldButton, x: x, y: y))
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
