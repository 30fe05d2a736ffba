import ArgumentParser
import Foundation
import SparklerCore
import SparklerGraphics

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a picture in the terminal, as chafa does.",
        discussion: "Symbols are plain text with colours: redirect them to a file and `cat` it later."
    )

    @Argument(help: "A JPEG or PNG file.", completion: CompletionValues.pictures)
    var file: String

    @Option(name: .long, help: ArgumentHelp("Cells to fit the picture in (default: the terminal's size, less a line for the prompt).", valueName: "COLSxROWS"), transform: CellCount.init(argument:))
    var size: CellCount?

    @OptionGroup var options: GraphicsOptions

    func run() async throws {
        let setup = try CommandSetup.load()
        let image = try decodedImage()
        let window = TerminalWindow.ofStandardOutput()
        let size = self.size ?? window.map { CellCount(columns: $0.columns, rows: max(1, $0.rows - 1)) } ?? CellCount(columns: 80, rows: 23)
        // Output to a file or a pipe is for a terminal that cannot be asked now.
        let answers = TerminalProbe.canAsk ? TerminalProbe().ask().answers : nil
        let graphics = options.detector(settings: setup.config.terminal).detect(answers: answers, window: window)
        let picture = PictureRenderer().render(image, columns: size.columns, rows: size.rows, format: graphics.format, key: file)
        FileHandle.standardOutput.write(Data(PictureANSIText.text(of: picture).utf8))
    }

    private func decodedImage() throws -> RGBAImage {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure.failed("Cannot read \(file): \(FileProblem.words(for: error)).")
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
