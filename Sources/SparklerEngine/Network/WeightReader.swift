/// Reads a module's tensors from the weights file by name, checking each shape against the architecture.
struct WeightReader {
    let file: SafeTensorsFile
    let prefix: String

    init(file: SafeTensorsFile, prefix: String = "") {
        self.file = file
        self.prefix = prefix
    }

    /// The reader for a sub-module: `reader.scope("down0").tensor("conv1.weight", ...)` reads `down0.conv1.weight`.
    func scope(_ name: String) -> WeightReader {
        WeightReader(file: file, prefix: prefix + name + ".")
    }

    func tensor(_ name: String, shape: [Int]) throws -> [Float] {
        let tensor = try file.tensor(prefix + name)
        guard tensor.shape == shape else {
            throw ModelLoadingError.shapeMismatch(tensor: prefix + name, expected: shape, found: tensor.shape)
        }
        return tensor.values
    }
}

public enum ModelLoadingError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(tensor: String, expected: [Int], found: [Int])
    case invalidConfiguration(String)
    case notFound(String)
    /// model.safetensors cannot be read into the network: damaged, or for another architecture.
    case unusableWeights(file: String, reason: String)

    public var description: String {
        switch self {
        case .shapeMismatch(let tensor, let expected, let found):
            "tensor \(tensor) has shape \(found), the architecture needs \(expected)"
        case .invalidConfiguration(let what): "the model's config.json is invalid: \(what)"
        case .notFound(let what): what
        case .unusableWeights(let file, let reason):
            "the offline engine's weights in \(file) cannot be used: \(reason). Restore the model folder (a fresh checkout's "
                + "models/, or `make model` to train it again) or set SPARKLER_MODEL_DIR to a sound one."
        }
    }
}
