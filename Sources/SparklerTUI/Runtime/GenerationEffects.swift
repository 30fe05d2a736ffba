import Foundation
import SparklerCore
import Synchronization

/// The effects that make pictures: one generation and one comparison at a time, each cancellable.
final class GenerationEffects: Sendable {
    private let service: GenerationService?
    private let inbox: EventInbox
    private let maxInFlight: Int
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let comparing = Mutex<Task<Void, Never>?>(nil)

    init(service: GenerationService?, inbox: EventInbox, maxInFlight: Int) {
        self.service = service
        self.inbox = inbox
        self.maxInFlight = maxInFlight
    }

    func run(_ effect: Effect) {
        switch effect {
        case .generate(let request, let model, let editing):
            generate(request, model: model, editing: editing)
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
        default:
            assertionFailure("not a generation effect: \(effect)")
        }
    }

    /// Quitting abandons whatever is being made.
    func cancelAll() {
        running.withLock { $0?.cancel() }
        comparing.withLock { $0?.cancel() }
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
