import Foundation
import SparklerCore
import Synchronization

/// Carries out what `update` asks for, off the UI thread, and reports back through the inbox.
public final class EffectRunner: Sendable {
    private let history: HistoryStore
    private let service: GenerationService?
    private let formStore: FormStore
    private let inbox: EventInbox
    private let maxInFlight: Int
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let comparing = Mutex<Task<Void, Never>?>(nil)

    public init(history: HistoryStore, service: GenerationService?, formStore: FormStore, inbox: EventInbox, maxInFlight: Int) {
        self.history = history
        self.service = service
        self.formStore = formStore
        self.inbox = inbox
        self.maxInFlight = maxInFlight
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .generate(let request, let model, let editing):
            generate(request, model: model, editing: editing)
        case .prepareEdit(let id):
            background("edit entry \(id)") { [history, inbox] in
                guard let entry = try history.entry(id: id), let url = history.imageURL(for: entry) else {
                    inbox.send(.actionFinished(message: "Entry \(id) has no picture to edit.", isError: true, reload: false))
                    return
                }
                inbox.send(.editReady(entryID: id, path: url.path))
            }
        case .cancelGeneration:
            running.withLock { $0?.cancel() }
        case .runComparison(let plan, let model, let groupID):
            guard let service else { return }
            let runner = ComparisonRunner(service: service, maxInFlight: maxInFlight)
            let task = Task { [inbox] in
                await runner.run(plan, model: model, groupID: groupID) { inbox.send(.comparison($0)) }
            }
            comparing.withLock { $0 = task }
        case .cancelComparison:
            comparing.withLock { $0?.cancel() }
        case .loadGroup(let groupID):
            background("load the comparison's pictures") { [history, inbox] in
                inbox.send(.groupLoaded(try history.group(groupID)))
            }
        case .exportSheet(let grid, let path):
            let backendName = service?.backend.name ?? "fireworks"
            background("export the grid to \(path)") { [history, inbox] in
                let target = URL(fileURLWithPath: UserPath.expanded(path))
                try ComparisonSheetExport(history: history, backend: backendName).write(grid, to: target)
                inbox.send(.actionFinished(message: "Exported the grid to \(target.path).", isError: false, reload: false))
            }
        case .loadHistory(let query, let queryID, let append):
            background("read the history") { [history, inbox] in
                let page = try history.page(query)
                let total = try history.count(query)
                inbox.send(.historyLoaded(
                    queryID: queryID, entries: page.entries, append: append, total: total, rows: page.rowCount,
                    unreadable: page.unreadable.map(\.description)))
            }
        case .loadPrompts:
            background("read earlier prompts") { [history, inbox] in
                let entries = try history.entries(HistoryQuery(limit: 400))
                var seen = Set<String>()
                let prompts = entries.map(\.prompt).filter { seen.insert($0).inserted }
                inbox.send(.promptsLoaded(prompts))
            }
        case .setFavourite(let id, let isFavourite):
            background(isFavourite ? "mark entry \(id) as a favourite" : "unmark entry \(id)") { [history, inbox] in
                try history.setFavourite(isFavourite, id: id)
                inbox.send(.actionFinished(message: isFavourite ? "Marked \(id) as a favourite." : "Unmarked \(id).", isError: false, reload: true))
            }
        case .delete(let id):
            background("delete entry \(id)") { [history, inbox] in
                try history.delete(id: id)
                inbox.send(.actionFinished(message: "Deleted entry \(id).", isError: false, reload: true))
            }
        case .export(let id, let path):
            background("export entry \(id) to \(path)") { [history, inbox] in
                guard let entry = try history.entry(id: id), let data = try history.exportData(for: entry, to: path) else {
                    inbox.send(.actionFinished(message: "Entry \(id) has no picture to export.", isError: true, reload: false))
                    return
                }
                let target = URL(fileURLWithPath: UserPath.expanded(path))
                try data.write(to: target, options: .atomic)
                inbox.send(.actionFinished(message: "Exported \(id) to \(target.path).", isError: false, reload: false))
            }
        case .loadRequest(let id, let run):
            background("load entry \(id)") { [history, inbox] in
                guard let entry = try history.entry(id: id) else { return }
                inbox.send(.requestLoaded(try history.request(for: entry, reusingSeed: run), run: run))
            }
        case .saveForm(let form):
            do {
                try formStore.save(form)
            } catch {
                inbox.send(.actionFinished(message: "Cannot save the form to \(formStore.file.path): \(error)", isError: true, reload: false))
            }
        case .completePath(let field, let text):
            background("list files for \(text)") { [inbox] in
                inbox.send(.pathCompleted(field, original: text, PathCompletion(typed: text, entries: Self.directoryEntries(for: text))))
            }
        case .quit:
            running.withLock { $0?.cancel() }
            comparing.withLock { $0?.cancel() }
        }
    }

    private func generate(_ request: GenerationRequest, model: ModelCapabilities, editing: Int64?) {
        guard let service else { return }
        let task = Task { [inbox] in
            do {
                let filled = try InputImageReader.fill(request)
                let entries = try await service.generate(filled, model: model, editing: editing) { inbox.send(.generationProgress($0)) }
                inbox.send(.generationFinished(.finished(entries)))
            } catch is CancellationError {
                inbox.send(.generationFinished(.cancelled))
            } catch {
                inbox.send(.generationFinished(.failed(String(describing: error))))
            }
        }
        running.withLock { $0 = task }
    }

    /// Runs work off the UI thread; a failure reaches the status line as "Cannot `what`: why".
    private func background(_ what: String, _ work: @escaping @Sendable () throws -> Void) {
        Task.detached { [inbox] in
            do {
                try work()
            } catch {
                inbox.send(.actionFinished(message: "Cannot \(what): \(error)", isError: true, reload: false))
            }
        }
    }

    private static func directoryEntries(for typed: String) -> [String] {
        let expanded = UserPath.expanded(typed)
        let directory = typed.contains("/") ? String(expanded[...(expanded.lastIndex(of: "/") ?? expanded.startIndex)]) : "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
    }
}

/// The form names input images by path; the request sent needs their bytes.
enum InputImageReader {
    struct Unreadable: Error, CustomStringConvertible {
        let path: String
        var description: String { "Cannot read the image \(path): check the path (Tab completes file names)." }
    }

    static func fill(_ request: GenerationRequest) throws -> GenerationRequest {
        var filled = request
        if let image = request.mode.image, image.data.isEmpty {
            filled.mode = request.mode.replacingImage(with: try read(image.fileName))
        }
        return filled
    }

    private static func read(_ path: String) throws -> InputImage {
        let expanded = UserPath.expanded(path)
        guard let data = FileManager.default.contents(atPath: expanded), !data.isEmpty else { throw Unreadable(path: path) }
        return InputImage(data: data, fileName: URL(fileURLWithPath: expanded).lastPathComponent)
    }
}
