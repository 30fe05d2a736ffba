import Foundation

extension HistoryEntry {
    /// What to embed in this entry's picture; `imageSize` nil for a row without one (a failure).
    func provenance(imageSize: ImageSize?, appVersion: String) -> ImageProvenance {
        ImageProvenance(
            request: request, backend: backend, seed: seed ?? request.seed, size: imageSize,
            inputImageHash: inputImageHash, inputImageFormat: inputImageFormat, createdAt: createdAt, appVersion: appVersion
        )
    }

    /// A successful row for an imported picture: its seed becomes the requested seed, one sample, so that
    /// running it again makes the same picture.
    init(provenance: ImageProvenance, groupID: String) {
        var request = provenance.request
        request.seed = provenance.seed
        request.samples = 1
        self.init(request: request, backend: provenance.backend, groupID: groupID, createdAt: provenance.createdAt, outcome: .success)
        seed = provenance.seed
        imageWidth = provenance.size?.width
        imageHeight = provenance.size?.height
    }
}
