import Glibc
import SparklerGraphics
import SparklerTUI

/// A tiny full-screen program for the terminal tests: paints a few styled cells, lists every input
/// event it receives as text, quits on `q`, crashes on `!` and toggles a graphics placement on `p`.
@main
enum TerminalProbe {
    static func main() {
        guard TerminalSession.isInteractive else {
            print("terminal-probe needs a terminal")
            exit(2)
        }
        let session: TerminalSession
        do {
            session = try TerminalSession()
        } catch {
            print("terminal-probe: \(error)")
            exit(1)
        }
        let input = InputReader(session: session)
        let painter = FramePainter(session: session)
        var screen = ProbeScreen(session: session)
        painter.paint(screen.frame())
        while true {
            guard let event = input.next(timeout: .milliseconds(200)) else { continue }
            switch event {
            case .key(.character("q"), []):
                session.stop()
                print("probe stopped")
                return
            case .key(.character("!"), []):
                fatalError("deliberate crash")
            case .key(.character("p"), []):
                screen.showsPicture.toggle()
            case .key(.character("k"), []):
                screen.layeredPicture = screen.layeredPicture == nil ? "A" : nil
            case .key(.character("l"), []):
                screen.layeredPicture = screen.layeredPicture.map { $0 == "A" ? "B" : "A" }
            case .resize(let width, let height):
                screen.size = (width, height)
            default:
                break
            }
            screen.log.append("\(screen.log.count + 1): \(describe(event))")
            painter.paint(screen.frame())
        }
    }

    /// Events as the tests expect them, e.g. `key(left, [shift])`, `mouse(press 1 at 4,2)`.
    static func describe(_ event: InputEvent) -> String {
        switch event {
        case .key(let key, let modifiers):
            let names = [(Modifiers.shift, "shift"), (.alt, "alt"), (.control, "control")]
                .filter { modifiers.contains($0.0) }.map(\.1)
            return "key(\(describe(key)), [\(names.joined(separator: ", "))])"
        case .mouse(let mouse):
            let button = mouse.button == 0 ? "" : " \(mouse.button)"
            return "mouse(\(mouse.kind)\(button) at \(mouse.x),\(mouse.y))"
        case .resize(let width, let height):
            return "resize(\(width)x\(height))"
        case .paste(let text):
            return "paste(\"\(text.replacingOccurrences(of: "\n", with: "\\n"))\")"
        case .terminalReply(let reply):
            return "reply(\(reply))"
        }
    }

    private static func describe(_ key: Key) -> String {
        switch key {
        case .character(let character): return "\"\(character)\""
        case .function(let number): return "F\(number)"
        default: return "\(key)"
        }
    }
}

/// What the probe shows: a header with its pid, sample cells, and the event log.
struct ProbeScreen {
    var size: (width: Int, height: Int)
    var log: [String] = []
    var showsPicture = false
    /// A picture like kitty's, which rewriting cells does not remove, named "A" or "B": placing it and removing
    /// it each set the window title, so that a test sees which was sent last.
    var layeredPicture: String?
    private let colorCount: Int

    init(session: TerminalSession) {
        size = session.size
        colorCount = session.colorCount
    }

    func frame() -> Frame {
        var frame = Frame(width: size.width, height: size.height)
        frame.put("terminal-probe pid=\(getpid()) colors=\(colorCount) size=\(size.width)x\(size.height)", x: 0, y: 0, style: .plain)
        frame.put("bold", x: 0, y: 1, style: Style(bold: true))
        frame.put("red", x: 5, y: 1, style: Style(foreground: .rgb(255, 0, 0)))
        frame.put("blue", x: 9, y: 1, style: Style(background: .indexed(4)))
        frame.put("wide:", x: 0, y: 2, style: .plain)
        frame.put("漢字", x: 10, y: 2, style: .plain)
        frame.put("#", x: 14, y: 2, style: .plain)
        frame.put("😀", x: 15, y: 2, style: .plain)
        frame.put("!", x: 17, y: 2, style: .plain)
        frame.put("under the picture", x: 40, y: 1, style: .plain)
        if showsPicture {
            frame.placements = [GraphicsPlacement(rect: Rect(x: 40, y: 1, width: 7, height: 1), sequence: "PICTURE", key: "picture")]
        }
        if let name = layeredPicture {
            frame.placements.append(GraphicsPlacement(
                rect: Rect(x: 60, y: 1, width: 8, height: 1), sequence: "LAYERED\(name)\u{1B}]2;layered \(name) placed\u{07}",
                key: "layered-\(name)", removal: "\u{1B}]2;layered \(name) removed\u{07}"))
        }
        frame.put("events:", x: 0, y: 3, style: .plain)
        for (row, line) in log.suffix(max(0, size.height - 4)).enumerated() {
            frame.put(line, x: 0, y: 4 + row, style: .plain)
        }
        return frame
    }
}
