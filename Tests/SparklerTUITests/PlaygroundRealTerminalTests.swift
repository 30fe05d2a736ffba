import Foundation
import TestSupport
import SparklerCore
import Testing

/// The playground itself in real graphical terminals (xterm as a VT340 at two font sizes whose cells are not
/// 10x20, kitty), with nothing in the environment naming the terminal: the graphics are found by asking it.
/// The same screen drawn with pixel graphics and with symbols differs only inside the image pane; the
/// picture fills its pane with its aspect kept, centred; nothing scrolled.
@Suite("Playground in real terminals", .serialized, .timeLimit(.minutes(2)))
struct PlaygroundRealTerminalTests {
    private static let sparkler = BuiltProduct.url("sparkler")

    /// 90x28: narrower than 100 columns, so there is no history pane (and no thumbnail, no clock) beside the
    /// picture. Layout: the image box from row 7 to 26 and column 30 to 89; the status line is row 27.
    private static let (columns, rows) = (90, 28)
    private static let imageBox = (column: 30, row: 7, columns: 60, rows: 20)
    private static let statusRow = 27

    /// A fresh home whose saved form holds a prompt and a locked seed, so every run makes the same picture.
    private func makeHome(in folder: URL) throws -> URL {
        let home = folder.appendingPathComponent("home-\(UUID().uuidString)")
        let state = home.appendingPathComponent("state/sparkler")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let form = """
            {"prompt": "a red circle on a blue background", "negative": "", "model": "accounts/sparkler/models/sparkler-tiny",
             "mode": "text-to-image", "size": {"width": 512, "height": 512}, "cfg": 3, "steps": 20, "seed": 42,
             "seedLocked": true, "format": "png", "safetyCheck": false, "initImage": "", "initMode": "strength",
             "strength": 0.5, "scheduleStart": 0.65, "scheduleEnd": 1, "controlImage": "", "controlNet": "canny",
             "conditioningScale": 0.5}
            """
        try form.write(to: state.appendingPathComponent("form.json"), atomically: true, encoding: .utf8)
        return home
    }

    private func environment(_ home: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "SWIFT_BACKTRACE": "enable=no",
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
    }

    /// Starts the playground, makes the picture (Enter), waits until it is in history and the screen is still.
    private func generate(
        _ setup: RealTerminalTests.Setup, graphics: [String], on display: VirtualDisplay
    ) async throws -> (RealTerminal, RGBAImage) {
        let folder = try RealTerminal.makeDirectory(on: display)
        let home = try makeHome(in: folder)
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: Self.columns, rows: Self.rows,
            command: [Self.sparkler.path] + graphics, environment: environment(home), on: display, directory: folder)
        let isBlue: (PixelColor) -> Bool = { $0.blue > 150 && $0.red < 100 }
        let pane = terminal.rect(column: Self.imageBox.column, row: Self.imageBox.row, columns: Self.imageBox.columns, rows: Self.imageBox.rows)
        // The empty pane's hint shows once the playground is up; then Enter makes the picture.
        _ = try await terminal.drawnScreenshot()
        try terminal.press("Return")
        let images = home.appendingPathComponent("data/sparkler/images")
        try await waitForPicture(in: images)
        // The finished picture is rendered off the UI thread: after the last preview the pane says "loading…"
        // (half a second for sixel in a debug build), which is still long enough to pass for a still screen.
        // Hide the cursor's blink from the comparison: the same key in both runs leaves it in the same place.
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let shot = try await terminal.stableScreenshot()
            if shot.count(in: pane, where: isBlue) > 1000 { return (terminal, shot) }
            try #require(ContinuousClock.now < deadline, "no picture in the image pane")
        }
    }

    private func waitForPicture(in folder: URL, count: Int = 1, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            if files.filter({ $0.hasSuffix(".png") }).count >= count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(count) pictures did not appear in \(folder.path) within \(timeout)")
    }

    @Test("Pixel graphics and symbols differ only inside the image pane; the picture fills it, square and centred", arguments: [
        RealTerminalTests.Setup.vt340At9, .vt340At14, .kittyAt11,
    ])
    func pixelPictureFillsItsPane(setup: RealTerminalTests.Setup) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.sparkler.path), "no \(Self.sparkler.path): build it first")
        let display = try await VirtualDisplay.start()
        defer { display.stop() }

        let (symbolsTerminal, symbols) = try await generate(setup, graphics: ["--graphics", "symbols"], on: display)
        let cell = symbolsTerminal.cellSize
        let paneBox = symbolsTerminal.rect(
            column: Self.imageBox.column, row: Self.imageBox.row, columns: Self.imageBox.columns, rows: Self.imageBox.rows)
        let inner = symbolsTerminal.rect(
            column: Self.imageBox.column + 1, row: Self.imageBox.row + 1, columns: Self.imageBox.columns - 2, rows: Self.imageBox.rows - 2)
        let statusLine = symbolsTerminal.rect(column: 0, row: Self.statusRow, columns: Self.columns)
        symbolsTerminal.stop()
        let (pixelTerminal, pixels) = try await generate(setup, graphics: [], on: display)
        defer { pixelTerminal.stop() }

        // Outside the image pane, the same screen to the pixel: same layout, nothing scrolled. The status line
        // says how long the picture took, which differs between two runs.
        let difference = ScreenshotDifference(symbols, pixels, tolerance: 24)
        let outside = difference.outside(paneBox, slackX: cell.width / 2, slackY: cell.height / 2)
            .filter { !statusLine.contains(x: $0.x, y: $0.y) }
        // A moved or redrawn cell changes dozens of pixels; a full run once saw a single stray pixel inside a
        // border cell in xterm (its glyph smoothing), which two pixels' allowance leaves aside.
        #expect(outside.count <= 2, "\(setup.testDescription): \(outside.count) pixels differ outside the image pane, e.g. \(outside.prefix(5))")
        #expect(difference.count > 0, "the pixel picture is not the symbols picture")

        // The picture (blue to its edges) as large as the pane's inside allows, square, centred within half a cell.
        let isBlue: (PixelColor) -> Bool = { $0.blue > 150 && $0.red < 100 }
        let box = try #require(pixels.boundingBox(in: inner, where: isBlue))
        #expect(abs(box.width - box.height) <= 2, "\(setup.testDescription): the square picture is \(box)")
        let fillsWidth = box.width >= inner.width - 2
        let fillsHeight = box.height >= inner.height - 6
        #expect(fillsWidth || fillsHeight, "\(setup.testDescription): \(box) does not fill \(inner)")
        #expect(box.x >= inner.x && box.maxX <= inner.maxX && box.y >= inner.y && box.maxY <= inner.maxY, "inside its pane")
        let offCentre = (abs((box.x + box.maxX) - (inner.x + inner.maxX)) / 2, abs((box.y + box.maxY) - (inner.y + inner.maxY)) / 2)
        #expect(offCentre.0 <= cell.width / 2 + 1 && offCentre.1 <= cell.height / 2 + 1, "\(setup.testDescription): off centre by \(offCentre)")
        // The margins around it are the theme's background, not the terminal's.
        let background = pixels.color(x: inner.x + 1, y: inner.y + 1)
        let margin = box.y - inner.y > 2 ? pixels.color(x: inner.x + inner.width / 2, y: inner.y + 1)
            : pixels.color(x: inner.x + 1, y: inner.y + inner.height / 2)
        #expect(margin.matches(symbols.color(x: paneBox.x + 2, y: paneBox.y + cell.height + 1), tolerance: 8),
                "margin \(margin) vs the pane's background; corner \(background)")
    }

    /// The second of the offline model's example prompts (F3).
    private static let example = "a starry night over snowy mountains with the moon"

    /// Keys as a real terminal sends them (X key events, not tmux), in one playground session per terminal, each
    /// step proven by what the playground saves or draws: F7 on the picture made turns the form into image to
    /// image from it; F2 shows the message log over the screen and any key gives the screen back to the pixel;
    /// F3's example goes into the prompt; Home, End, Ctrl-Left and readline's Ctrl-E/W/A/Y edit the prompt and
    /// F8 rolls a new seed; Alt-B/F/D/Backspace/Y edit it by words, and the kill is yanked in the negative
    /// prompt; Ctrl-R finds the prompt that was sent.
    @Test("Keys and overlays in real terminals: F7, F2, F3, editing, F8, Alt, Ctrl-R", arguments: [
        RealTerminalTests.Setup.vt340At9, .kittyAt11,
    ])
    func keysInRealTerminals(setup: RealTerminalTests.Setup) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.sparkler.path), "no \(Self.sparkler.path): build it first")
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let folder = try RealTerminal.makeDirectory(on: display)
        let home = try makeHome(in: folder)
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: Self.columns, rows: Self.rows,
            command: [Self.sparkler.path, "--graphics", "symbols"], environment: environment(home), on: display, directory: folder)
        defer { terminal.stop() }
        let statusLine = terminal.rect(column: 0, row: Self.statusRow, columns: Self.columns)
        let images = home.appendingPathComponent("data/sparkler/images")
        let original = "a red circle on a blue background"
        _ = try await terminal.drawnScreenshot()

        // F7 on the picture just made: image to image from its file, with an empty prompt to describe the change.
        try terminal.press("Return")
        try await waitForPicture(in: images)
        try await terminal.waitUntil("Done in the status line", timeout: .seconds(30)) { $0.count(in: statusLine, where: Self.isSuccessGreen) > 20 }
        try terminal.press("F7")
        try await savedForm(of: home, "image to image from the picture made") { form in
            form["mode"] as? String == "image-to-image" && (form["initImage"] as? String)?.hasPrefix(images.path) == true
                && form["prompt"] as? String == ""
        }

        // Enter with the empty prompt: an error, which stays, so the screen holds still around F2.
        try terminal.press("Return")
        try await terminal.waitUntil("an error in the status line", timeout: .seconds(20)) { $0.count(in: statusLine, where: Self.isErrorRed) > 20 }
        let before = try await terminal.stableScreenshot()
        // F2: the message log, a dialog two cells in from each edge, drawn over the screen; the cursor (in the
        // prompt, above the dialog) hides while it is open.
        try terminal.press("F2")
        let log = terminal.rect(column: 2, row: 2, columns: Self.columns - 4, rows: Self.rows - 4)
        let cell = terminal.cellSize
        try await terminal.waitUntil("the message log", timeout: .seconds(20)) { shot in
            ScreenshotDifference(before, shot).points.count(where: { log.contains(x: $0.x, y: $0.y) }) > log.width * cell.height
        }
        let open = ScreenshotDifference(before, try await terminal.stableScreenshot())
        let outside = ScreenshotDifference.boundingBox(of: open.outside(log, slackX: terminal.halfCell.x, slackY: terminal.halfCell.y))
        #expect(outside.map { $0.width <= cell.width && $0.height <= cell.height } ?? true,
                "\(setup.testDescription): outside the message log more than the cursor's cell changed: \(outside.map(String.init(describing:)) ?? "")")
        let inside = ScreenshotDifference.boundingBox(of: open.points.filter { log.contains(x: $0.x, y: $0.y) })
        #expect(inside?.isClose(to: log, dx: cell.width, dy: cell.height) == true,
                "\(setup.testDescription): the message log changed \(inside.map(String.init(describing:)) ?? "nothing"), not its rectangle \(log)")
        // Back to the screen as it was, to the pixel; in xterm but for the outermost pixel columns of cells, into
        // which its anti-aliased glyphs bleed from the next cell: what shows there is whichever was painted last.
        try terminal.press("Escape")
        try await terminal.waitUntil("the screen as it was before F2", timeout: .seconds(20)) { shot in
            ScreenshotDifference(before, shot).points.allSatisfy { setup.kind != .kitty && terminal.isCellEdge(x: $0.x) }
        }

        // F3: PgDn pages the word list (as this terminal sends it: any key the overlay does not take closes
        // it, and Down and Return would then not choose the example), then the second example, into the prompt.
        try terminal.press("F3", "Next", "Down", "Return")
        try await savedForm(of: home, "F3's example in the prompt") { $0["prompt"] as? String == Self.example }

        // "a red fox!" edited into "a red big fox!" by Home, End and Ctrl-Left, then "fox!" killed at the end and
        // yanked back at the start (Ctrl-E/W/A/Y). F8: a new random seed (the saved form's was 42), locked.
        try terminal.press("ctrl+u")
        try terminal.type("red fox")
        try terminal.press("Home")
        try terminal.type("a ")
        try terminal.press("End")
        try terminal.type("!")
        try terminal.press("ctrl+Left")
        try terminal.type("big ")
        try terminal.press("ctrl+e", "ctrl+w", "ctrl+a", "ctrl+y", "F8")
        try await savedForm(of: home, "the edited prompt and a new seed") { form in
            form["prompt"] as? String == "fox!a red big " && (form["seed"] as? Int).map { $0 != 42 } == true && form["seedLocked"] as? Bool == true
        }

        // Alt-B twice and Alt-D kill "three", Alt-F and Alt-Backspace kill "four"; Ctrl-Y yanks "four" back and
        // Alt-Y swaps it for "three". Tab, and Ctrl-Y yanks "three" into the negative prompt: one kill ring.
        try terminal.press("ctrl+e", "ctrl+u")
        try terminal.type("one two three four")
        try terminal.press("alt+b", "alt+b", "alt+d", "alt+f", "alt+BackSpace", "ctrl+y", "alt+y", "Tab", "ctrl+y")
        try await savedForm(of: home, "the prompt edited by words, and the kill yanked in the negative prompt") { form in
            form["prompt"] as? String == "one two  three" && form["negative"] as? String == "three"
        }

        // Ctrl-R in the prompt: "circle" finds the prompt sent, Enter keeps it.
        try terminal.press("shift+Tab", "ctrl+r")
        try terminal.type("circle")
        try terminal.press("Return", "ctrl+c")
        try await savedForm(of: home, "the prompt found by Ctrl-R") { $0["prompt"] as? String == original }
    }

    private static func isSuccessGreen(_ color: PixelColor) -> Bool {
        Int(color.green) > 120 && Int(color.green) > Int(color.red) + 20 && Int(color.green) > Int(color.blue) + 20
    }

    private static func isErrorRed(_ color: PixelColor) -> Bool {
        Int(color.red) > 150 && Int(color.red) > Int(color.green) + 60 && Int(color.red) > Int(color.blue) + 40
    }

    /// Waits until the form the playground saved (a second after each change, and when it quits) satisfies
    /// `condition`; fails naming `what` and showing the last form read.
    @discardableResult
    private func savedForm(
        of home: URL, _ what: String, timeout: Duration = .seconds(30), _ condition: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        let file = home.appendingPathComponent("state/sparkler/form.json")
        let deadline = ContinuousClock.now + timeout
        while true {
            let form = (try? JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]) ?? [:]
            if condition(form) { return form }
            guard ContinuousClock.now < deadline else {
                throw RealTerminal.Failure(description: "the saved form never showed \(what) within \(timeout): \(form)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Symbols in kitty: TERM=xterm-kitty's entry has 256 colours, but kitty takes 24-bit colour, so ncurses
    /// draws with kitty-direct and the picture's colours are its own, not the nearest of the 240 fixed palette
    /// entries (6x6x6 cube and grey ramp), which is all that `--colors 256` leaves.
    @Test("Symbols in kitty are drawn in direct colour", arguments: [
        (["--graphics", "symbols"], true), (["--graphics", "symbols", "--colors", "256"], false),
    ])
    func directColourSymbolsInKitty(arguments: [String], direct: Bool) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let (terminal, shot) = try await generate(.kittyAt11, graphics: arguments, on: display)
        defer { terminal.stop() }
        let inner = terminal.rect(
            column: Self.imageBox.column + 1, row: Self.imageBox.row + 1, columns: Self.imageBox.columns - 2, rows: Self.imageBox.rows - 2)
        let levels = [0, 95, 135, 175, 215, 255]
        func isFixedPaletteEntry(_ value: Int) -> Bool { levels.contains { abs($0 - value) <= 1 } }
        // The square picture, centred: the pane's margins are the theme's background, which is no palette entry.
        let side = min(inner.width, inner.height) - 2 * terminal.cellSize.height
        let picture = ScreenRect(x: inner.x + (inner.width - side) / 2, y: inner.y + (inner.height - side) / 2, width: side, height: side)
        let offPalette = shot.count(in: picture) { color in
            let (red, green, blue) = (Int(color.red), Int(color.green), Int(color.blue))
            let isGrey = red == green && green == blue && (red - 8) % 10 == 0
            return !isGrey && !(isFixedPaletteEntry(red) && isFixedPaletteEntry(green) && isFixedPaletteEntry(blue))
        }
        let share = Double(offPalette) / Double(side * side)
        if direct {
            #expect(share > 0.5, "\(arguments): only \(offPalette) of the pane's pixels are off the 256-colour palette")
        } else {
            #expect(share < 0.01, "\(arguments): \(offPalette) of the pane's pixels are off the 256-colour palette")
        }
    }

    /// The bytes the playground writes, recorded by `script` between it and xterm (a VT340 at 7x15 cells): after
    /// two pictures, moving through the history changes the selection and its thumbnail, and never sends the
    /// main picture again, so it cannot flicker; its pixels on screen stay as they were.
    @Test("Moving through the history never redraws the main sixel picture")
    func historyMovesLeaveTheMainPictureAlone() async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let folder = try RealTerminal.makeDirectory(on: display)
        let home = try makeHome(in: folder)
        let log = folder.appendingPathComponent("output.log")
        let setup = RealTerminalTests.Setup.vt340At9
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: 110, rows: 30,
            command: ["/usr/bin/script", "-qfe", "-c", Self.sparkler.path, log.path], environment: environment(home), on: display,
            directory: folder)
        defer { terminal.stop() }
        let images = home.appendingPathComponent("data/sparkler/images")
        _ = try await terminal.drawnScreenshot()
        for count in 1...2 {
            try terminal.press("Return")
            try await waitForPicture(in: images, count: count)
            // Done when the screen is still: Enter while the picture is still being recorded is not a new run.
            _ = try await terminal.stableScreenshot(interval: .milliseconds(400))
        }
        let isBlue: (PixelColor) -> Bool = { $0.blue > 150 && $0.red < 100 }
        // The main picture is left of the history pane, which holds the thumbnail.
        let left = ScreenRect(x: 0, y: 0, width: terminal.windowWidth * 2 / 3, height: terminal.windowHeight)
        _ = try await terminal.waitUntil("the picture") { $0.count(in: left, where: isBlue) > 1000 }
        _ = try await terminal.stableScreenshot()
        try terminal.press("shift+Tab")
        let before = try await terminal.stableScreenshot()
        let picture = try #require(before.boundingBox(in: left, where: isBlue))
        let written = try Data(contentsOf: log)
        let mainSize = try #require(Self.sixelSizes(in: written).max { $0.width * $0.height < $1.width * $1.height })

        try terminal.press("Down", "Up", "Down")
        _ = try await terminal.waitUntil("the selection moved") { _ in try Data(contentsOf: log).count > written.count }
        let after = try await terminal.stableScreenshot()
        let moves = try Data(contentsOf: log).dropFirst(written.count)
        #expect(!moves.isEmpty)
        #expect(!Self.sixelSizes(in: moves).contains(mainSize), "the main picture (\(mainSize)) was sent again: \(Self.sixelSizes(in: moves))")
        let difference = ScreenshotDifference(before, after, tolerance: 16)
        #expect(difference.count == difference.outside(picture).count, "the main picture's pixels changed: \(difference)")
    }

    /// The raster sizes (`"1;1;width;height`) of the sixel pictures in `bytes`.
    private static func sixelSizes(in bytes: Data) -> [PixelSize] {
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        return text.matches(of: /\eP[0-9;]*q"1;1;(\d+);(\d+)/).map { PixelSize(width: Int($0.1)!, height: Int($0.2)!) }
    }

    private struct PixelSize: Equatable, CustomStringConvertible {
        var width: Int
        var height: Int
        var description: String { "\(width)x\(height)" }
    }

    /// `sparkler doctor` run in each terminal with no hint in the environment: the answers decide.
    @Test("Each terminal gets the graphics it draws, found by asking it", arguments: [
        (RealTerminalTests.Setup.vt340At9, "sixel", "256"), (.xtermAt11, "symbols", "256"), (.kittyAt11, "kitty", "truecolor"),
    ])
    func detection(setup: RealTerminalTests.Setup, expected: String, colors: String) async throws {
        let display = try await VirtualDisplay.start()
        defer { display.stop() }
        let folder = try RealTerminal.makeDirectory(on: display)
        let home = try makeHome(in: folder)
        let report = folder.appendingPathComponent("doctor.json")
        let done = folder.appendingPathComponent("done")
        let script = "\"$0\" doctor --json > \(report.path); echo $? > \(done.path).part; mv \(done.path).part \(done.path); exec sleep 60"
        let terminal = try await RealTerminal.start(
            setup.kind, fontSize: setup.fontSize, columns: 80, rows: 24, command: ["/bin/sh", "-c", script, Self.sparkler.path],
            environment: environment(home), on: display, directory: folder)
        defer { terminal.stop() }
        #expect(try await terminal.waitForFile(done) == "0\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let graphics = try #require(json["graphics"] as? [String: Any])
        #expect(graphics["mode"] as? String == expected, "\(setup.testDescription): \(graphics)")
        #expect(graphics["colors"] as? String == colors, "\(setup.testDescription): \(graphics)")
        let cellText = graphics["cell"] as? String ?? ""
        #expect(cellText.hasPrefix("\(setup.cell.width)x\(setup.cell.height) pixels"), "\(cellText)")
    }
}
