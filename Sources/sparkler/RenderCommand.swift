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
        let data = try fileContents()
        let window = TerminalWindow.ofStandardOutput()
        let size = self.size ?? window.map { CellCount(columns: $0.columns, rows: max(1, $0.rows - 1)) } ?? CellCount(columns: 80, rows: 23)
        // Output to a file or a pipe is for a terminal that cannot be asked now.
        let answers = TerminalProbe.canAsk ? TerminalProbe().ask().answers : nil
        let graphics = options.detector(settings: setup.config.terminal).detect(answers: answers, window: window)
        let used = ImageHeader.size(of: data).map {
            PictureRenderer.pixelsUsed(imageWidth: $0.width, imageHeight: $0.height, columns: size.columns, rows: size.rows, format: graphics.format)
        }
        let image = try decoded(data, atLeast: used)
        let picture = PictureRenderer().render(image, columns: size.columns, rows: size.rows, format: graphics.format, key: file)
        FileHandle.standardOutput.write(Data(PictureANSIText.text(of: picture).utf8))
    }

    private func fileContents() throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure.failed("Cannot read \(file): \(FileProblem.words(for: error)).")
        }
    }

    private func decoded(_ data: Data, atLeast used: ImageSize?) throws -> RGBAImage {
        do {
            return try ImageCodec.decode(data, atLeast: used)
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
