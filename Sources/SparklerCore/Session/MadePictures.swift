import Foundation

/// What a backend made for a request, before history records it (`GenerationService.make`).
public struct MadePictures: Sendable {
    public let request: GenerationRequest
    /// The backend's answer, as it came.
    public let result: GenerationResult
    /// The backend's name as history records it.
    let backend: String
    let cost: Money?
    let groupID: String
    let editing: Int64?
    /// Stamped on the history rows and embedded in the pictures alike, to the second as history keeps it.
    let createdAt: Date
    let appVersion: String

    /// The pictures the safety filter let through, their parameters embedded as history embeds them: the
    /// same bytes as history's stored copies.
    public var pictures: [StampedPicture] {
        let input = request.mode.image.map { StoredImageFile(contents: $0.data, fileExtension: StoredImageFile.fileExtension(sniffing: $0.data)) }
        return result.images.enumerated().filter { $0.element.finishReason == .success }.map { index, image in
            let provenance = ImageProvenance(
                request: request, backend: backend, seed: image.seed, size: image.size,
                inputImageHash: input?.hash, inputImageFormat: input?.fileExtension, createdAt: createdAt, appVersion: appVersion)
            // The picture matters more than its label, as in history itself.
            let data = (try? provenance.embedded(in: image.data)) ?? image.data
            return StampedPicture(data: data, format: image.format, seed: image.seed, index: index)
        }
    }
}

/// A picture as history stores it, its parameters embedded.
public struct StampedPicture: Sendable {
    public let data: Data
    public let format: ImageFormat
    public let seed: Int
    /// Its place among the request's pictures, filtered ones included: the index of its history row.
    public let index: Int
}
