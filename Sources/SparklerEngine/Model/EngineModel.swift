import Foundation
import SparklerCore

/// A model folder loaded for inference: config.json, model.safetensors and tokenizer.json
/// (the layout `training/export.py` writes, as in models/sparkler-tiny), and examples.txt and synonyms.txt
/// when present.
public struct EngineModel: Sendable {
    public let name: String
    public let folder: URL
    public let tokenizer: WordTokenizer
    /// What it understands, for people (the playground's F3).
    public let guide: ModelGuide
    let configuration: ModelConfiguration
    private let weights: NetworkLoading

    public init(folder: URL) throws {
        func file(_ name: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ModelLoadingError.notFound("the offline engine's model file \(url.path) is missing")
            }
            return url
        }
        let configurationData = try Data(contentsOf: file("config.json"))
        let configuration = try ModelConfiguration(json: configurationData)
        let weightsFile = try file("model.safetensors")
        self.configuration = configuration
        self.folder = folder
        name = folder.lastPathComponent
        var tokenizer = try WordTokenizer(contentsOf: file("tokenizer.json"))
        tokenizer.mapper = try WordMapper(
            known: Set(tokenizer.vocabulary), synonymsFile: folder.appendingPathComponent("synonyms.txt"))
        self.tokenizer = tokenizer
        guard tokenizer.maxLength == configuration.maxTokens, tokenizer.vocabulary.count == configuration.vocabularySize else {
            throw ModelLoadingError.invalidConfiguration("tokenizer.json does not match the architecture's vocabulary and length")
        }
        weights = NetworkLoading {
            try OpenBLAS.require()
            do {
                return try SparklerUNet(weights: SafeTensorsFile(contentsOf: weightsFile), configuration: configuration)
            } catch {
                throw ModelLoadingError.unusableWeights(file: weightsFile.path, reason: "\(error)")
            }
        }
        guide = try ModelGuideReader.read(
            configuration: configurationData, tokenizer: tokenizer, examples: folder.appendingPathComponent("examples.txt"))
    }

    /// The side, in pixels, of the square pictures the model was trained on.
    public var nativeSize: Int { configuration.nativeSize }

    /// The UNet, waiting for its weights if they are still loading; throws what loading them threw (OpenBLAS
    /// missing, a damaged or mismatched model.safetensors).
    func network() throws -> SparklerUNet {
        try weights.network()
    }

    /// Returns once the weights have loaded, throwing what loading them threw, without holding a thread.
    func weightsLoaded() async throws {
        try await weights.finishedLoading()
    }
}
