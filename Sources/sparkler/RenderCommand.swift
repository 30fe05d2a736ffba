import ArgumentParser
import Foundation
import SparklerCore
import SparklerTUI

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a picture in the terminal, as chafa does.",
        discussion: "Symbols are plain text with colours: redirect them to a file and `cat` it later."
    )

    @Argument(help: "A JPEG or PNG file.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Cells to fit the picture in (default: the terminal's size, less a line for the prompt).", valueName: "COLSxROWS"), transform: CellCount.init(argument:))
    var size: CellCount?

    @OptionGroup var options: GraphicsOptions

    func run() async throws {
        let setup = try CommandSetup.load()
        let image = try decodedImage()
        let window = TerminalWindow.ofStandardOutput()
        let size = self.size ?? window.map { CellCount(columns: $0.columns, rows: max(1, $0.rows - 1)) } ?? CellCount(columns: 80, rows: 23)
        var renderer = PictureRenderer()
        if let cellPixels = window?.cellPixels {
            (renderer.cellPixelWidth, renderer.cellPixelHeight) = cellPixels
            renderer.cellAspect = Double(cellPixels.0) / Double(cellPixels.1)
        }
        let graphics = options.detector(settings: setup.config.terminal).detect()
        let picture = renderer.render(image, columns: size.columns, rows: size.rows, format: graphics.format, key: file)
        FileHandle.standardOutput.write(Data(PictureANSIText.text(of: picture).utf8))
    }

    private func decodedImage() throws -> RGBAImage {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure.failed("Cannot read \(file): \(error.localizedDescription)")
        }
        do {
            return try ImageCodec.decode(data)
        } catch ImageCodecError.notAnImage, ImageCodecError.empty {
            throw CommandFailure.failed("\(file) is not a JPEG or PNG picture.")
        } catch {
            throw CommandFailure.failed("\(file) cannot be shown: \(error)")
        }
    }
}

/// A size in terminal cells, as `--size 80x40` gives it.
struct CellCount {
    var columns: Int
    var rows: Int

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    init(argument: String) throws {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (1...4096).contains(columns), (1...4096).contains(rows) else {
            throw ValidationError("--size takes COLSxROWS, e.g. 80x40 (each 1-4096), not `\(argument)`.")
        }
        self.init(columns: columns, rows: rows)
    }
}

/// The terminal standard output goes to, as the kernel reports it.
private struct TerminalWindow {
    var columns: Int
    var rows: Int
    /// One cell's size in pixels, where the terminal reports its pixel size.
    var cellPixels: (Int, Int)?

    static func ofStandardOutput() -> TerminalWindow? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        let columns = Int(size.ws_col)
        let rows = Int(size.ws_row)
        let pixels = size.ws_xpixel > 0 && size.ws_ypixel > 0
            ? (Int(size.ws_xpixel) / columns, Int(size.ws_ypixel) / rows) : nil
        return TerminalWindow(columns: columns, rows: rows, cellPixels: pixels.flatMap { $0.0 > 0 && $0.1 > 0 ? $0 : nil })
    }
}
