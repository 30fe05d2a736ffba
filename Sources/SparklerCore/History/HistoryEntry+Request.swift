import Foundation

extension HistoryEntry {
    /// A row for a validated request, before its outcome adds a picture, a seed or an error.
    init(
        request: GenerationRequest, backend: String, groupID: String, createdAt: Date,
        outcome: Outcome, inputImage: StoredImageFile?
    ) {
        self.init(request: request, backend: backend, groupID: groupID, createdAt: createdAt, outcome: outcome)
        inputImageHash = inputImage?.hash
        inputImageFormat = inputImage?.fileExtension
    }

    /// The request that made this entry, to run again or to load into a form.
    ///
    /// - Parameter reusingSeed: true asks for this very picture again (the seed it was made with, one
    ///   sample); false repeats the request as it was asked (its seed, 0 for random, and its samples).
    func request(inputImage: InputImage?, reusingSeed: Bool) throws -> GenerationRequest {
        var request = self.request
        if reusingSeed, let seed {
            request.seed = seed
            request.samples = 1
        }
        if request.mode.image != nil {
            guard let inputImage else { throw HistoryError.missingInputImage(entryID: id) }
            request.mode = request.mode.replacingImage(with: inputImage)
        }
        return request
    }
}
