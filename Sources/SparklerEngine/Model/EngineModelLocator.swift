import Foundation

/// Where the offline engine's model folder is: `$SPARKLER_MODEL_DIR` when set, else beside the executable
/// (`<bin>/../share/sparkler/sparkler-tiny`, for installed copies), then the source tree this binary was
/// built from (`make run`, `swift test`).
public enum EngineModelLocator {
    public static let modelName = "sparkler-tiny"

    public static func candidates(environment: [String: String], executable: URL? = Bundle.main.executableURL) -> [URL] {
        // A folder the user names is the only place to look: falling back would hide their mistake.
        if let configured = environment["SPARKLER_MODEL_DIR"], !configured.isEmpty {
            return [URL(fileURLWithPath: configured)]
        }
        var folders: [URL] = []
        if let executable {
            folders.append(executable.deletingLastPathComponent()
                .appendingPathComponent("../share/sparkler/\(modelName)").standardizedFileURL)
        }
        folders.append(sourceTreeModels.appendingPathComponent(modelName))
        return folders
    }

    /// The first candidate holding a model; the error lists every place looked at.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let folders = candidates(environment: environment)
        if let found = folders.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("model.safetensors").path) }) {
            return found
        }
        throw ModelLoadingError.notFound(
            "The offline engine's model was not found in " + folders.map(\.path).joined(separator: ", ")
                + ". Set SPARKLER_MODEL_DIR to a folder with model.safetensors, config.json and tokenizer.json."
        )
    }

    private static let sourceTreeModels = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Model
        .deletingLastPathComponent()  // SparklerEngine
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("models")
}
