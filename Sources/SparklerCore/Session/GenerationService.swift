import Foundation

/// Runs a validated request on a backend and records what came of it, pictures or failure,
/// so that nothing a user asked for is lost.
public struct GenerationService: Sendable {
    public let backend: any ImageBackend
    public let history: HistoryStore

    public init(backend: any ImageBackend, history: HistoryStore) {
        self.backend = backend
        self.history = history
    }

    /// The history rows made, one per picture. A failure is recorded, then rethrown as
    /// `GenerationFailure`; cancellation records nothing and rethrows `CancellationError`.
    public func generate(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        groupID: String = HistoryEntry.newGroupID(),
        progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }
    ) async throws -> [HistoryEntry] {
        try await generateRecorded(request, model: model, groupID: groupID, progress: progress).entries
    }

    /// As `generate`, with the pictures as the backend made them beside their history rows (whose stored
    /// copies carry embedded parameters): what a server answers with.
    public func generateRecorded(
        _ request: GenerationRequest,
        model: ModelCapabilities,
        groupID: String = HistoryEntry.newGroupID(),
        progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }
    ) async throws -> (result: GenerationResult, entries: [HistoryEntry]) {
        let result: GenerationResult
        do {
            result = try await backend.generate(request, model: model, progress: progress)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let message = String(describing: error)
            let entry = try history.recordFailure(request: request, backend: backend.name(for: model), message: message, groupID: groupID)
            throw GenerationFailure(message: message, entry: entry, underlying: error)
        }
        let entries = try history.record(request: request, backend: backend.name(for: model), result: result, groupID: groupID)
        return (result, entries)
    }
}

/// A request that failed, already recorded in history.
public struct GenerationFailure: Error, CustomStringConvertible {
    public let message: String
    public let entry: HistoryEntry
    public let underlying: any Error

    public var description: String { message }
}
