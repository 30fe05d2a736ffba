import Foundation

extension HistoryEntry {
    /// What to embed in this entry's picture; `imageSize` nil for a row without one (a failure).
    func provenance(imageSize: ImageSize?, appVersion: String) -> ImageProvenance {
        ImageProvenance(
            prompt: prompt, negativePrompt: negativePrompt, model: model, backend: backend, mode: mode,
            size: imageSize, aspectRatio: aspectRatio, cfgScale: cfgScale, steps: steps, sampler: sampler,
            seed: seed ?? requestedSeed, format: format, jpegQuality: jpegQuality, safetyCheck: safetyCheck,
            stylePreset: stylePreset, loraAdapterName: loraAdapterName, loraWeightFilename: loraWeightFilename,
            initImageMode: initImageMode, imageStrength: imageStrength,
            scheduleStart: scheduleStart, scheduleEnd: scheduleEnd, cropPadding: cropPadding,
            controlNetName: controlNetName, conditioningScale: conditioningScale,
            inputImageHash: inputImageHash, inputImageFormat: inputImageFormat,
            createdAt: createdAt, appVersion: appVersion
        )
    }

    /// A successful row for an imported picture: its seed becomes the requested seed, so that running
    /// it again makes the same picture.
    init(provenance: ImageProvenance, groupID: String) {
        self.init(
            createdAt: Self.timestamp(provenance.createdAt), groupID: groupID, backend: provenance.backend,
            model: provenance.model, mode: provenance.mode, prompt: provenance.prompt,
            negativePrompt: provenance.negativePrompt, requestedSeed: provenance.seed, seed: provenance.seed,
            samples: 1, format: provenance.format, jpegQuality: provenance.jpegQuality,
            safetyCheck: provenance.safetyCheck ?? false, outcome: .success
        )
        if let ratio = provenance.aspectRatio {
            aspectRatio = ratio
        } else {
            width = provenance.size?.width
            height = provenance.size?.height
        }
        cfgScale = provenance.cfgScale
        steps = provenance.steps
        sampler = provenance.sampler
        stylePreset = provenance.stylePreset
        loraAdapterName = provenance.loraAdapterName
        loraWeightFilename = provenance.loraWeightFilename
        initImageMode = provenance.initImageMode
        imageStrength = provenance.imageStrength
        scheduleStart = provenance.scheduleStart
        scheduleEnd = provenance.scheduleEnd
        cropPadding = provenance.cropPadding
        controlNetName = provenance.controlNetName
        conditioningScale = provenance.conditioningScale
        imageWidth = provenance.size?.width
        imageHeight = provenance.size?.height
    }
}
