import Foundation

/// The shipped model folder, located from this file: <package root>/models/sparkler-tiny.
enum ModelFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SparklerEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("models/sparkler-tiny")

    static var weights: URL { folder.appendingPathComponent("model.safetensors") }
    static var tokenizer: URL { folder.appendingPathComponent("tokenizer.json") }
    static var tensorsDoc: URL { folder.appendingPathComponent("TENSORS.md") }
    static func fixture(_ name: String) -> URL { folder.appendingPathComponent("fixtures/\(name)") }
}
