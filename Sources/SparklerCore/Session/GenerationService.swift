import Foundation
import Synchronization

/// Runs a validated request on a backend and records what came of it, pictures or failure,
/// so that nothing a user asked for is lost.
public struct GenerationService: Sendable {
    public let backend: any ImageBackend
    public let history: HistoryStore
    /// What pictures cost, recorded on their rows when the backend bills for them.
    public let prices: PriceTable
    /// Where pictures go when history cannot record them.
    public let recovery: PictureRecovery

    public init(backend: any ImageBackend, history: HistoryStore, prices: PriceTable = PriceTable(), recovery: PictureRecovery? = nil) {
        self.backend = backend
        self.history = history
        self.prices = prices
        self.recovery = recovery ?? PictureRecovery(besides: history)
    }

    /// The history rows made, one per picture. A failure is recorded, then rethrown as
    /// `GenerationFailure`; cancellation records nothing and rethrows `CancellationError`. Pictures that
    /// history cannot record are kept by `recovery` and come back as `PicturesNotRecorded`.
    /// `editing`: the history entry whose picture the request edits (its input image), recorded on every row.
    public func generate(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        groupID: String = HistoryEntry.newGroupID(),
        editing: Int64? = nil,
        progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }
    ) async throws -> [HistoryEntry] {
        try await generateRecorded(request, model: model, groupID: groupID, editing: editing, progress: progress).entries
    }

    /// As `generate`, with the pictures as the backend made them beside their history rows (whose stored
    /// copies carry embedded parameters): what a server answers with.
    public func generateRecorded(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        groupID: String = HistoryEntry.newGroupID(),
        editing: Int64? = nil,
        progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }
    ) async throws -> (result: GenerationResult, entries: [HistoryEntry]) {
        let made = try await make(request, model: model, groupID: groupID, editing: editing, progress: progress)
        return (made.result, try record(made))
    }

    /// Runs the request on the backend, recording a failure (then rethrown as `GenerationFailure`) but not
    /// yet the pictures: a caller can deliver them (`made.pictures`) before `record` writes history, so that
    /// a crash while history commits cannot lose a picture that was paid for.
    public func make(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        groupID: String = HistoryEntry.newGroupID(),
        editing: Int64? = nil,
        progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }
    ) async throws -> MadePictures {
        // A request the server accepted under an id (FLUX Kontext) is recorded whatever happens next.
        let acceptedAs = Mutex<String?>(nil)
        let observed: @Sendable (GenerationProgress) -> Void = { update in
            if case .waiting(let requestID, _, _) = update { acceptedAs.withLock { $0 = requestID } }
            progress(update)
        }
        let result: GenerationResult
        do {
            result = try await backend.generate(request, model: model, progress: observed)
        } catch is CancellationError {
            if let requestID = acceptedAs.withLock({ $0 }) {
                try history.recordFailure(
                    request: request, backend: backend.name(for: model),
                    message: "Cancelled while Fireworks was making the picture (request \(requestID)); it may still be billed.",
                    remoteRequestID: requestID, editing: editing, groupID: groupID
                )
            }
            throw CancellationError()
        } catch {
            let message = String(describing: error)
            let moderated = if case FireworksError.moderated = error { true } else { false }
            let entry = try history.recordFailure(
                request: request, backend: backend.name(for: model), message: message,
                outcome: moderated ? .filtered : .failed,
                remoteRequestID: (error as? FireworksError)?.requestID ?? acceptedAs.withLock { $0 }, editing: editing, groupID: groupID
            )
            throw GenerationFailure(message: message, entry: entry, underlying: error)
        }
        let made = result.images.filter { $0.finishReason == .success }.count
        return MadePictures(
            request: request, result: result, backend: backend.name(for: model),
            cost: backend.bills(for: model) ? prices.cost(of: request, model: model, pictures: made, stepsBilled: result.stepsBilled) : nil,
            groupID: groupID, editing: editing, createdAt: HistoryEntry.timestamp(Date()), appVersion: history.appVersion)
    }

    /// Records what `make` made: one history row per picture. Pictures that history cannot record are
    /// kept by `recovery` and come back as `PicturesNotRecorded`.
    public func record(_ made: MadePictures) throws -> [HistoryEntry] {
        do {
            return try history.record(
                request: made.request, backend: made.backend, result: made.result, cost: made.cost, editing: made.editing,
                groupID: made.groupID, createdAt: made.createdAt)
        } catch {
            let pictures = made.pictures
            throw PicturesNotRecorded(
                storageProblem: PicturesNotRecorded.words(for: error), result: made.result, pictures: pictures, billed: made.cost != nil,
                recovered: Result { () throws(PictureRecoveryError) in try recovery.save(pictures, createdAt: made.createdAt) })
        }
    }
}

/// A request that failed, already recorded in history.
public struct GenerationFailure: Error, CustomStringConvertible {
    public let message: String
    public let entry: HistoryEntry
    public let underlying: any Error

    public var description: String { message }
}
