import ArgumentParser
import Foundation
import SparklerCore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, search and manage everything made before.",
        subcommands: [List.self, Show.self, Favorite.self, Remove.self, Export.self, Import.self, Spend.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries, newest first.")

        @Option(name: .long, help: "Only entries whose prompt or negative prompt contains these words.")
        var search: String?
        @Flag(name: .long, help: "Only favourites.")
        var favorites = false
        @Flag(name: .long, help: "Only failed requests.")
        var failures = false
        @Option(name: .long, help: "At most this many entries.")
        var limit = 20
        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() async throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
            let history = try HistoryCommand.open()
            let query = HistoryQuery(search: search, favouritesOnly: favorites, failuresOnly: failures, limit: limit)
            let page = try history.page(query)
            let entries = page.entries.map { EntryJSON($0, path: history.imageURL(for: $0)?.path) }
            if json {
                try EntryJSON.print(entries)
            } else if entries.isEmpty, page.unreadable.isEmpty {
                Stderr.write(search == nil ? "Nothing in history yet." : "Nothing in history matches that search.")
            } else {
                entries.forEach { print(TextLine.listed($0)) }
            }
            // The readable entries are listed; the others are named, and the exit status says not all could be.
            guard page.unreadable.isEmpty else {
                throw CommandFailure.failed(page.unreadable.map { "Left out: \($0)" }.joined(separator: "\n"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every parameter of one entry.")

        @Argument(help: "The entry's id (from `history list`).", completion: CompletionValues.historyIDs)
        var id: Int64
        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() async throws {
            let history = try HistoryCommand.open()
            let entry = try HistoryCommand.entry(id, in: history)
            var output = EntryJSON(entry, path: history.imageURL(for: entry)?.path)
            let edits = try history.edits(of: id)
            output.editedInto = edits.isEmpty ? nil : edits
            if json {
                try EntryJSON.print(output)
            } else {
                TextLine.details(output).forEach { print($0) }
            }
        }
    }

    struct Spend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "spend",
            abstract: "Total what Fireworks billed, by day (UTC) or by model.",
            discussion: "Costs are recorded with each picture by the prices in force then (config.toml's [prices] over the built-in ones)."
        )

        @Option(name: .long, help: "day or model.", completion: .list(SpendGrouping.allCases.map(\.rawValue)))
        var by: String = SpendGrouping.day.rawValue
        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func validate() throws {
            guard SpendGrouping(rawValue: by) != nil else {
                throw ValidationError("--by takes day or model, not \(by).")
            }
        }

        func run() async throws {
            let grouping = SpendGrouping(rawValue: by) ?? .day
            let lines = try HistoryCommand.open().spend(by: grouping)
            if json {
                try EntryJSON.print(lines.map { SpendJSON(key: $0.key, pictures: $0.pictures, stepsBilled: $0.stepsBilled, costUsd: $0.cost.dollars, unpriced: $0.unpriced) })
                return
            }
            guard !lines.isEmpty else {
                print("Nothing billed yet: offline pictures cost nothing.")
                return
            }
            TextLine.spend(lines, heading: grouping.rawValue).forEach { print($0) }
        }

        private struct SpendJSON: Encodable {
            var key: String
            var pictures: Int
            var stepsBilled: Int
            var costUsd: Double
            var unpriced: Int
        }
    }

    struct Favorite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "favorite", abstract: "Mark an entry as a favourite (--off to unmark).")

        @Argument(help: "The entry's id.", completion: CompletionValues.historyIDs)
        var id: Int64
        @Flag(name: .long, help: "Remove the mark instead.")
        var off = false

        func run() async throws {
            let history = try HistoryCommand.open(changing: true)
            _ = try HistoryCommand.entry(id, in: history)
            try history.setFavourite(!off, id: id)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete an entry; its picture goes too unless another entry uses it."
        )

        @Argument(help: "The entry's id.", completion: CompletionValues.historyIDs)
        var id: Int64

        func run() async throws {
            let history = try HistoryCommand.open(changing: true)
            _ = try HistoryCommand.entry(id, in: history)
            try history.delete(id: id)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an entry's picture, with its parameters embedded, to a file.")

        @Argument(help: "The entry's id.", completion: CompletionValues.historyIDs)
        var id: Int64
        @Option(name: [.short, .customLong("output")], help: "Where to write it.")
        var output: String

        func run() async throws {
            let history = try HistoryCommand.open()
            let entry = try HistoryCommand.entry(id, in: history)
            guard let data = try history.exportData(for: entry, to: output) else {
                throw CommandFailure.failed("Entry \(id) has no picture (\(entry.outcome.rawValue)).")
            }
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure.failed("Could not write \(output): \(FileProblem.words(for: error)).")
            }
            print(output)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Add pictures that Sparkler made (PNG or JPEG with their parameters) to history.")

        @Argument(help: "The files to import.", completion: CompletionValues.pictures)
        var files: [String]
        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() async throws {
            guard !files.isEmpty else { throw ValidationError("Name at least one file to import.") }
            let history = try HistoryCommand.open(changing: true)
            var imported: [EntryJSON] = []
            for file in files {
                do {
                    let (entry, isNew) = try history.importPicture(at: URL(fileURLWithPath: file))
                    if !isNew { Stderr.write("\(file) is already in history as entry \(entry.id ?? 0); not added again.") }
                    imported.append(EntryJSON(entry, path: history.imageURL(for: entry)?.path))
                } catch {
                    throw CommandFailure.failed("\(error)")
                }
            }
            if json {
                try EntryJSON.print(imported)
            } else {
                imported.forEach { print(TextLine.listed($0)) }
            }
        }
    }

    static func open(changing: Bool = false) throws -> HistoryStore {
        try CommandSetup.history(try CommandSetup.load(), changing: changing)
    }

    static func entry(_ id: Int64, in history: HistoryStore) throws -> HistoryEntry {
        guard let entry = try history.entry(id: id) else {
            throw CommandFailure.failed("There is no history entry \(id); `sparkler history list` shows the ids.")
        }
        return entry
    }
}
