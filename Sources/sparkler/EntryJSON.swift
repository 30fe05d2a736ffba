import Foundation
import SparklerCore

/// The JSON shape of one history entry in `--json` output: the contract scripts rely on.
struct EntryJSON: Encodable {
    var id: Int64
    var groupId: String
    var createdAt: Date
    var outcome: String
    var finishReason: String?
    var error: String?
    var path: String?
    var width: Int?
    var height: Int?
    var seed: Int?
    var requestedSeed: Int
    var model: String
    var backend: String
    var mode: String
    var prompt: String
    var negativePrompt: String?
    var cfgScale: Double?
    var steps: Int?
    var sampler: String?
    var stepsBilled: Int?
    /// What the picture cost in dollars, by the prices in force when it was made; absent offline.
    var costUsd: Double?
    var favorite: Bool
    /// FLUX Kontext's id for the request, success or not.
    var requestId: String?
    /// The entry whose picture this one edits, and (in `history show`) the entries that edit this one's.
    var editOf: Int64?
    var editedInto: [Int64]?
    /// Every parameter of the request, as history stores it (input images by file name).
    var request: GenerationRequest

    init(_ entry: HistoryEntry, path: String?) {
        id = entry.id ?? 0
        groupId = entry.groupID
        createdAt = entry.createdAt
        outcome = entry.outcome.rawValue
        finishReason = switch entry.outcome {
        case .success: FinishReason.success.rawValue
        case .filtered: FinishReason.contentFiltered.rawValue
        case .failed: nil
        }
        error = entry.errorMessage
        self.path = path
        let requestedSize: ImageSize? = if case .size(let size) = entry.request.shape { size } else { nil }
        width = entry.imageWidth ?? requestedSize?.width
        height = entry.imageHeight ?? requestedSize?.height
        seed = entry.seed
        requestedSeed = entry.request.seed
        model = entry.model
        backend = entry.backend
        mode = entry.mode.rawValue
        prompt = entry.prompt
        negativePrompt = entry.negativePrompt
        cfgScale = entry.request.cfgScale
        steps = entry.request.steps
        sampler = entry.request.sampler?.rawValue
        stepsBilled = entry.stepsBilled
        costUsd = entry.costMicros.map { Money(micros: $0).dollars }
        favorite = entry.isFavourite
        requestId = entry.remoteRequestID
        editOf = entry.editedEntryID
        request = entry.request
    }

    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = DateText.jsonEncoding
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
