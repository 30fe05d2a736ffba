import ArgumentParser
import Foundation
import SparklerCore

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make pictures from a prompt; every result is kept in history.",
        discussion: "Prints one line per picture: its file and the seed used (--json: one object per picture)."
    )

    @OptionGroup var options: GenerationOptions
    @OptionGroup var backendOptions: BackendOptions

    @Option(name: .long, help: "How many pictures to make.")
    var samples: Int = 1

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Also write the picture here. With several pictures: NAME-1.EXT, NAME-2.EXT ...; an existing directory gets one file per picture.",
        valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "FLUX Kontext: the longest to wait for the picture, submitting and downloading included (default 120).",
        valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout takes seconds from more than 0 to 3600, not \(RequestValidator.format(timeout)).")
        }
    }

    func run() async throws {
        let setup = try CommandSetup.load()
        let session = try CommandSetup.session(
            setup, backend: backendOptions.backend, model: options.model,
            workflowTimeout: timeout.map { .milliseconds(Int($0 * 1000)) })
        let (model, backend) = (session.model, session.backend)
        let request = try options.request(for: model, outputPath: output, samples: samples)
        let validated = try CommandSetup.usage { () throws(ParameterError) in
            try RequestValidator.validate(request, for: model)
        }
        session.reportUnusableWords(in: validated.prompt)
        let history = try CommandSetup.history(setup, changing: true)
        // Checked before the request is sent (and billed), not after.
        let files = try OutputFiles(path: output, count: validated.samples)

        let service = GenerationService(backend: backend, history: history, prices: setup.prices)
        let made: MadePictures
        do {
            made = try await Interruption.cancelling {
                try await service.make(validated, model: model, progress: ProgressReporter(maxRetries: setup.config.fireworks.maxRetries ?? RetryPolicy().maxRetries).report)
            }
            await backend.shutdown()
        } catch is CancellationError {
            await backend.shutdown()
            throw CommandFailure(message: "Stopped; what was already sent is in `sparkler history`.", exitCode: ExitStatus.interrupted)
        } catch {
            await backend.shutdown()
            throw CommandFailure(message: String(describing: error), exitCode: ExitStatus.of(error))
        }

        let delivery = PictureDelivery(made.pictures, to: files)
        let entries: [HistoryEntry]
        do {
            entries = try service.record(made)
        } catch let unrecorded as PicturesNotRecorded {
            throw CommandFailure(message: ([unrecorded.description] + delivery.report).joined(separator: "\n"), exitCode: ExitStatus.notRecorded)
        }

        var results: [EntryJSON] = []
        for (index, entry) in entries.enumerated() {
            results.append(EntryJSON(entry, path: try delivery.path(of: entry, index: index, history: history)))
        }
        if json {
            try EntryJSON.print(results)
        } else {
            for result in results {
                Swift.print(TextLine.generated(result))
            }
        }
        let filtered = results.filter { $0.finishReason == FinishReason.contentFiltered.rawValue }
        guard filtered.isEmpty else {
            // Its own status: a script must not take the missing -o file for a picture.
            throw CommandFailure(
                message: filtered.map { "Picture \($0.id) was filtered by the safety check (CONTENT_FILTERED) and not written; try another seed or prompt." }
                    .joined(separator: "\n"),
                exitCode: ExitStatus.filtered)
        }
    }
}
