import Foundation
import TestSupport
import SparklerCore
import SparklerGraphics
import SparklerTUI
import Testing

/// Real graphical terminals under Xvfb (see Support/RealTerminal.swift and docs/REAL_TERMINALS.md):
/// the harness's own geometry, keys and screenshot comparison, then `sparkler render`'s sixel and
/// kitty pictures measured pixel by pixel. Each test has a display of its own; they run one at a
/// time, as kitty's software OpenGL is heavy on a small machine.
@Suite("Real terminals under Xvfb", .serialized, .timeLimit(.minutes(1)))
struct RealTerminalTests {
    /// A terminal at a font size, with the cell size measured for it at 96 dpi.
    struct Setup: Sendable, CustomTestStringConvertible {
        var kind: RealTerminal.Kind
        var fontSize: Double
        var cell: RealTerminal.CellSize

        var testDescription: String { "\(kind) at \(fontSize) pt (\(cell) px cells)" }

        static let vt340At9 = Setup(kind: .xterm(vt340: true), fontSize: 9, cell: .init(width: 7, height: 15))
        static let vt340At14 = Setup(kind: .xterm(vt340: true), fontSize: 14, cell: .init(width: 11, height: 23))
        static let xtermAt11 = Setup(kind: .xterm(vt340: false), fontSize: 11, cell: .init(width: 9, height: 18))
        static let kittyAt9 = Setup(kind: .kitty, fontSize: 9, cell: .init(width: 7, height: 15))
        static let kittyAt14 = Setup(kind: .kitty, fontSize: 14, cell: .init(width: 11, height: 23))
        static let kittyAt11 = Setup(kind: .kitty, fontSize: 11, cell: .init(width: 9, height: 18))
    }

    // MARK: The harness

    @Test("Cells are where the harness computes them, and the kernel knows their pixels", arguments: [
        Setup.vt340At9, .vt340At14, .xtermAt11, .kittyAt9, .kittyAt14,
    ])
    func cellGeometry(setup: Setup) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let folder = try RealTerminal.makeDirectory(on: display)
        let winsize = folder.appendingPathComponent("winsize")
        let done = folder.appendingPathComponent("done")
        // The kernel's window size, asked of stdin (stdout goes to the file). Then two red cells at the top left, one green cell at row 1, column 2; the cursor hidden.
        let script = """
            python3 -c 'import fcntl, termios, struct; print(*struct.unpack("HHHH", fcntl.ioctl(0, termios.TIOCGWINSZ, bytes(8))))' > \(winsize.path)
            printf '\\033[?25l\\033[2J\\033[H\\033[41m  \\033[0m\\033[2;3H\\033[42m \\033[0m'
            touch \(done.path)
            exec sleep 60
            """
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: 30, rows: 8, command: ["/bin/sh", "-c", script],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], on: display, directory: folder)
        defer { terminal.stop() }
        #expect(terminal.cellSize == setup.cell)

        // TIOCGWINSZ: rows, columns, then pixels: xterm counts its 2 px border on each side in them, kitty does not.
        try await terminal.waitForFile(done)
        let reported = try String(contentsOf: winsize, encoding: .utf8)
        let padding = 2 * setup.kind.padding
        #expect(reported.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            == [8, 30, 30 * setup.cell.width + padding, 8 * setup.cell.height + padding])

        let isRed: (PixelColor) -> Bool = { $0.red > 150 && $0.green < 80 && $0.blue < 80 }
        let isGreen: (PixelColor) -> Bool = { $0.green > 150 && $0.red < 80 && $0.blue < 80 }
        let shot = try await terminal.waitUntil("the red and green cells") { $0.boundingBox(where: isGreen) != nil }
        #expect(shot.width == terminal.windowWidth && shot.height == terminal.windowHeight)
        #expect(shot.boundingBox(where: isRed) == terminal.rect(column: 0, row: 0, columns: 2))
        #expect(shot.boundingBox(where: isGreen) == terminal.rect(column: 2, row: 1))
    }

    @Test("Keys reach the command, and a change shows only in its cells", arguments: [Setup.vt340At9, .kittyAt14])
    func keysAndDifferences(setup: Setup) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let folder = try RealTerminal.makeDirectory(on: display)
        let keys = folder.appendingPathComponent("keys")
        let ready = folder.appendingPathComponent("ready")
        // Reads six bytes raw, then writes "Xy" at row 3, column 5.
        let script = """
            stty raw -echo
            printf '\\033[?25l\\033[2J\\033[Hready'
            touch \(ready.path)
            dd bs=1 count=6 of=\(keys.path).part 2>/dev/null
            mv \(keys.path).part \(keys.path)
            printf '\\033[4;6HXy'
            exec sleep 60
            """
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: 20, rows: 6, command: ["/bin/sh", "-c", script],
            environment: ["PATH": "/usr/bin:/bin"], on: display, directory: folder)
        defer { terminal.stop() }
        try await terminal.waitForFile(ready)
        // The file comes before the terminal has drawn the word: a busy kitty can show two blank frames first.
        try await terminal.waitUntil("ready drawn") { shot in
            let background = shot.color(x: shot.width - 2, y: shot.height - 2)
            return shot.boundingBox(in: terminal.rect(column: 0, row: 0, columns: 5)) { !$0.matches(background, tolerance: 40) } != nil
        }
        let before = try await terminal.stableScreenshot()

        try terminal.type("hi")
        try terminal.press("Return", "Escape", "ctrl+c", "a")
        #expect(try await terminal.waitForFile(keys) == "hi\r\u{1B}\u{03}a")

        try await terminal.waitUntil("Xy drawn") { !ScreenshotDifference(before, $0).isEmpty }
        let settled = try await terminal.stableScreenshot()
        let difference = ScreenshotDifference(before, settled, tolerance: 16)
        let cells = terminal.rect(column: 5, row: 3, columns: 2)
        #expect(!difference.isEmpty)
        #expect(difference.isOnlyInside(cells, slackX: terminal.halfCell.x, slackY: terminal.halfCell.y), "\(difference), cells \(cells)")
        // "Xy": ink in both cells.
        #expect(difference.boundingBox.map { $0.isClose(to: cells, dx: terminal.cellSize.width, dy: terminal.cellSize.height) } == true)
    }

    @Test("A missing program fails the test, naming its package")
    func missingProgramsNameTheirPackage() {
        let missing = RealTerminalTools.Tool(name: "sparkler-no-such-program", package: "sparkler-test-package")
        #expect {
            try RealTerminalTools.require(.xterm, missing)
        } throws: { error in
            "\(error)".contains("sparkler-no-such-program (Debian package sparkler-test-package)")
                && "\(error)".contains("apt-get install sparkler-test-package")
        }
    }

    @Test("Screenshot differences: count, box, and whether they stay inside a region")
    func screenshotDifference() throws {
        let white = try #require(RGBAImage(width: 40, height: 30, red: 255, green: 255, blue: 255))
        var changed = white
        for (x, y) in [(10, 5), (12, 9), (11, 7)] {
            changed.pixels[(y * 40 + x) * 4] = 0
        }
        changed.pixels[(20 * 40 + 30) * 4 + 1] = 250  // within the tolerance
        let difference = ScreenshotDifference(white, changed, tolerance: 8)
        #expect(difference.count == 3)
        #expect(difference.boundingBox == ScreenRect(x: 10, y: 5, width: 3, height: 5))
        #expect(difference.isOnlyInside(ScreenRect(x: 10, y: 5, width: 3, height: 5)))
        #expect(!difference.isOnlyInside(ScreenRect(x: 11, y: 5, width: 2, height: 5)))
        #expect(difference.isOnlyInside(ScreenRect(x: 11, y: 5, width: 2, height: 5), slackX: 1))
        #expect(ScreenshotDifference(white, white).isEmpty)
        #expect(ScreenshotDifference(white, changed, tolerance: 0).count == 4)
    }

    // MARK: sparkler render

    /// The picture `sparkler render` is given: left half red, right half blue, 2:1.
    static func halvesPicture(width: Int = 240, height: Int = 120) throws -> Data {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let offset = (y * width + x) * 4
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) = x < width / 2 ? (255, 0, 0) : (0, 0, 255)
            }
        }
        return try ImageCodec.encode(try #require(RGBAImage(width: width, height: height, pixels: pixels)), as: .png)
    }

    static let sparkler = BuiltProduct.url("sparkler", override: "SPARKLER_BINARY")

    /// Runs `sparkler render` of the halves picture in the terminal at `--size COLSxROWS` and
    /// returns the screenshot with the picture drawn, with the red and blue halves' boxes.
    func renderHalves(
        _ setup: Setup, graphics: String, size: (columns: Int, rows: Int), on display: VirtualDisplay
    ) async throws -> (terminal: RealTerminal, red: ScreenRect?, blue: ScreenRect?) {
        try #require(FileManager.default.isExecutableFile(atPath: Self.sparkler.path), "no \(Self.sparkler.path): build it first (swift build)")
        let folder = try RealTerminal.makeDirectory(on: display)
        let picture = folder.appendingPathComponent("halves.png")
        try Self.halvesPicture().write(to: picture)
        let done = folder.appendingPathComponent("done")
        let script = """
            printf '\\033[?25l'
            "$0" render \(picture.path) --graphics \(graphics) --size \(size.columns)x\(size.rows) 2> \(folder.path)/render.err
            echo $? > \(done.path).part
            mv \(done.path).part \(done.path)
            exec sleep 60
            """
        let home = folder.appendingPathComponent("home")
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: 60, rows: 20, command: ["/bin/sh", "-c", script, Self.sparkler.path],
            environment: [
                "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path,
                "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            ], on: display, directory: folder)
        let status = try await terminal.waitForFile(done)
        #expect(status == "0\n", "sparkler render: \((try? String(contentsOf: folder.appendingPathComponent("render.err"), encoding: .utf8)) ?? "")")
        let isRed: (PixelColor) -> Bool = { $0.matches(PixelColor(255, 0, 0), tolerance: 24) }
        let isBlue: (PixelColor) -> Bool = { $0.matches(PixelColor(0, 0, 255), tolerance: 24) }
        _ = try await terminal.waitUntil("the picture's red and blue") {
            $0.boundingBox(where: isRed) != nil && $0.boundingBox(where: isBlue) != nil
        }
        let shot = try await terminal.stableScreenshot()
        return (terminal, shot.boundingBox(where: isRed), shot.boundingBox(where: isBlue))
    }

    /// Where `render` should put the picture: its canvas at the cursor (cell 0, 0), the picture inside it as large
    /// as `columns`x`rows` cells of the terminal's real size allow, its aspect kept (`PaneFit`).
    static func expectedBox(_ terminal: RealTerminal, columns: Int, rows: Int, mode: GraphicsMode) -> ScreenRect {
        let fit = PaneFit(
            imageWidth: 240, imageHeight: 120, columns: columns, rows: rows,
            cell: PixelSize(width: terminal.cellSize.width, height: terminal.cellSize.height), mode: mode)
        let origin = terminal.rect(column: 0, row: 0)
        return ScreenRect(x: origin.x + fit.image.x, y: origin.y + fit.image.y, width: fit.image.width, height: fit.image.height)
    }

    /// Equal but for a pixel of resampling at each edge.
    static func isClose(_ box: ScreenRect, _ expected: ScreenRect) -> Bool {
        abs(box.x - expected.x) <= 1 && abs(box.y - expected.y) <= 1
            && abs(box.maxX - expected.maxX) <= 1 && abs(box.maxY - expected.maxY) <= 1
    }

    @Test("sparkler render --graphics sixel fills the cells it fits, in xterm -ti vt340", arguments: [Setup.vt340At9, .vt340At14], [24, 20])
    func sixelRenderInXterm(setup: Setup, columns: Int) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let (terminal, red, blue) = try await renderHalves(setup, graphics: "sixel", size: (columns, 10), on: display)
        defer { terminal.stop() }
        let red_ = try #require(red), blue_ = try #require(blue)
        let box = ScreenRect(x: red_.x, y: min(red_.y, blue_.y), width: blue_.maxX - red_.x, height: max(red_.maxY, blue_.maxY) - min(red_.y, blue_.y))
        let expected = Self.expectedBox(terminal, columns: columns, rows: 10, mode: .sixel)
        print("[real-terminal] \(setup.testDescription), --size \(columns)x10: sixel picture \(box) (red \(red_), blue \(blue_)); expected \(expected)")
        #expect(Self.isClose(box, expected), "\(box) is not \(expected)")
        #expect(abs(box.width - 2 * box.height) <= 2, "a 2:1 picture stays 2:1: \(box)")
        #expect(abs(red_.width - blue_.width) <= 1)
    }

    @Test("sparkler render --graphics kitty fills the cells it fits, in kitty", arguments: [Setup.kittyAt9, .kittyAt14], [24, 20])
    func kittyRenderInKitty(setup: Setup, columns: Int) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let (terminal, red, blue) = try await renderHalves(setup, graphics: "kitty", size: (columns, 10), on: display)
        defer { terminal.stop() }
        let red_ = try #require(red), blue_ = try #require(blue)
        let box = ScreenRect(x: red_.x, y: min(red_.y, blue_.y), width: blue_.maxX - red_.x, height: max(red_.maxY, blue_.maxY) - min(red_.y, blue_.y))
        let expected = Self.expectedBox(terminal, columns: columns, rows: 10, mode: .kitty)
        print("[real-terminal] \(setup.testDescription), --size \(columns)x10: kitty picture \(box) (red \(red_), blue \(blue_)); expected \(expected)")
        #expect(Self.isClose(box, expected), "\(box) is not \(expected)")
        #expect(abs(box.width - 2 * box.height) <= 2, "a 2:1 picture stays 2:1: \(box)")
        #expect(abs(red_.width - blue_.width) <= 1)
    }
}
