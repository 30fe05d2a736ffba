import ArgumentParser
import Foundation
import SparklerCore

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Make one prompt's pictures side by side: several seeds, or a sweep of one or two parameters.",
        discussion: """
            Every picture is kept in history under one group id. Prints one line per cell, its label and \
            file (--json: one object per cell); -o also writes a contact sheet whose PNG metadata lists \
            every cell's parameters. Above confirm_above_steps ([compare] in config.toml, default 300 \
            steps) it asks first, or needs --yes without a terminal. Exit codes: 0 all made; 1 some \
            failed (the sheet still shows the rest) or the answer was no; 2 bad usage, or --yes missing.
            """
    )

    @OptionGroup var options: GenerationOptions
    @OptionGroup var backendOptions: BackendOptions
    @OptionGroup var choice: ComparisonChoice

    @Option(name: .long, help: "Requests at once, 1-16 (default: max_in_flight under [compare] in config.toml, else 3).")
    var maxInFlight: Int?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the contact sheet here, as PNG.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Print the cells as JSON.")
    var json = false

    @Flag(name: .long, help: "Start without asking, whatever the steps billed.")
    var yes = false

    func run() async throws {
        let setup = try CommandSetup.load()
        try checkOptions()
        let session = try CommandSetup.session(setup, backend: backendOptions.backend, model: options.model)
        let (model, backend) = (session.model, session.backend)
        let plan = try choice.plan(try options.request(for: model, outputPath: nil), model: model)
        try CostConfirmation(
            // Nothing is billed offline.
            steps: model.provider == .local ? 0 : plan.billedSteps,
            threshold: setup.config.compare.confirmAboveSteps ?? SparklerConfig.CompareSettings.defaultConfirmAboveSteps,
            confirmed: yes
        ).check(summary: "Comparing \(plan.cells.count) pictures, \(plan.columns) across and \(plan.rows) down: "
            + (model.provider == .local ? "offline, nothing billed."
                : "\(plan.billedSteps) steps billed"
                    + (setup.prices.estimate(plan, model: model).map { ", about \($0)" } ?? " (no price known for this model)") + "."))

        session.reportUnusableWords(in: options.prompt)
        let history = try CommandSetup.history(setup, changing: true)
        let runner = ComparisonRunner(
            service: GenerationService(backend: backend, history: history, prices: setup.prices),
            maxInFlight: maxInFlight ?? setup.config.compare.maxInFlight ?? ComparisonRunner.defaultMaxInFlight
        )
        let endings = await run(plan, runner: runner, model: model)
        await backend.shutdown()

        if let output {
            try writeSheet(ContactSheet(plan: plan, endings: endings), to: output, history: history, backend: backend.name)
        }
        let cells = plan.cells.enumerated().map { index, cell in
            CellJSON(label: cell.label, row: cell.row, column: cell.column, ending: endings[index], history: history)
        }
        if json {
            try EntryJSON.print(cells)
        } else {
            cells.forEach { print(CompareText.cell($0)) }
        }
        let failed = cells.filter { $0.entry == nil }.count
        if failed > 0 {
            throw CommandFailure.failed("\(failed) of \(cells.count) pictures failed; the others are in history\(output.map { " and in \($0)" } ?? "").")
        }
    }

    private func checkOptions() throws {
        if let maxInFlight, !ComparisonRunner.maxInFlightRange.contains(maxInFlight) {
            throw ValidationError("--max-in-flight takes 1 to \(ComparisonRunner.maxInFlightRange.upperBound), not \(maxInFlight).")
        }
        guard let output else { return }
        let url = URL(fileURLWithPath: output)
        guard url.pathExtension.isEmpty || url.pathExtension.lowercased() == "png" else {
            throw ValidationError("The contact sheet is a PNG: give -o a .png name, not \(url.lastPathComponent).")
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent) else {
            throw CommandFailure.usage("The folder \(parent) given in -o does not exist; create it first.")
        }
    }

    /// Runs the cells, reporting each on stderr as it ends; returns every cell's last event.
    private func run(_ plan: ComparisonPlan, runner: ComparisonRunner, model: ModelCapabilities) async -> [Int: ComparisonEvent] {
        let (events, continuation) = AsyncStream.makeStream(of: ComparisonEvent.self)
        async let running: Void = {
            await runner.run(plan, model: model, groupID: HistoryEntry.newGroupID()) { continuation.yield($0) }
            continuation.finish()
        }()
        var endings: [Int: ComparisonEvent] = [:]
        for await event in events {
            endings[event.cell] = event
            if case .started = event { continue }
            let ended = endings.values.filter { if case .started = $0 { false } else { true } }.count
            Stderr.write("[\(ended)/\(plan.cells.count)] \(CompareText.progress(event, label: plan.cells[event.cell].label))")
        }
        await running
        return endings
    }

    private func writeSheet(_ sheet: ContactSheet, to path: String, history: HistoryStore, backend: String) throws {
        do {
            try sheet.png(history: history, backend: backend).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure.failed("The pictures are in history, but the contact sheet could not be written to \(path): \(error)")
        }
        Stderr.write("Contact sheet: \(path)")
    }
}
