import Foundation

/// The architecture hyper-parameters of config.json's "architecture" object.
struct ModelConfiguration: Sendable, Equatable {
    var vocabularySize: Int
    var maxTokens: Int
    var nativeSize: Int
    var channels: [Int]
    var textWidth: Int
    var textLayers: Int
    var textHeads: Int
    var textMLPWidth: Int
    var headSize: Int
    var timeFrequencies: Int
    var timeWidth: Int
    var groups: Int
    var normEpsilon: Float

    init(json: Data) throws {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let architecture = root["architecture"] as? [String: Any]
        else { throw ModelLoadingError.invalidConfiguration("no \"architecture\" object") }
        func integer(_ key: String) throws -> Int {
            guard let value = (architecture[key] as? NSNumber)?.intValue else {
                throw ModelLoadingError.invalidConfiguration("architecture.\(key) is missing or not a number")
            }
            return value
        }
        vocabularySize = try integer("vocab_size")
        maxTokens = try integer("max_length")
        nativeSize = try integer("image_size")
        guard let channels = (architecture["channels"] as? [NSNumber])?.map(\.intValue), channels.count == 3 else {
            throw ModelLoadingError.invalidConfiguration("architecture.channels must list three channel counts")
        }
        self.channels = channels
        textWidth = try integer("text_dim")
        textLayers = try integer("text_layers")
        textHeads = try integer("text_heads")
        textMLPWidth = try integer("text_mlp")
        headSize = try integer("head_dim")
        timeFrequencies = try integer("time_freq_dim")
        timeWidth = try integer("time_dim")
        groups = try integer("groups")
        guard let epsilon = (architecture["norm_eps"] as? NSNumber)?.floatValue else {
            throw ModelLoadingError.invalidConfiguration("architecture.norm_eps is missing")
        }
        normEpsilon = epsilon
    }
}
