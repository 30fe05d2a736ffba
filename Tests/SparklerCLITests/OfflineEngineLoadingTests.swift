import Foundation
import Testing

/// Commands that use the offline engine at once wait for its weights and stop with a message when they cannot
/// be used, before anything is recorded (the playground instead draws while they load).
@Suite struct OfflineEngineLoadingTests {
    private static let shippedModel = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models/sparkler-tiny")

    @Test func generateStopsOnDamagedWeightsAndRecordsNothing() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let model = cli.home.appendingPathComponent("model")
        try FileManager.default.copyItem(at: Self.shippedModel, to: model)
        let weights = model.appendingPathComponent("model.safetensors")
        try Data(try Data(contentsOf: weights).prefix(4096)).write(to: weights)
        cli.environment["SPARKLER_MODEL_DIR"] = model.path

        let made = try await cli.run(["generate", "a red circle", "--backend", "local", "--steps", "2"])
        #expect(made.status == 1)
        #expect(made.stderr.contains("The offline engine cannot start: the offline engine's weights in \(weights.path) cannot be used: safetensors file is truncated"), "\(made.stderr)")
        #expect(made.stderr.contains("set SPARKLER_MODEL_DIR to a sound one"), "says what to do: \(made.stderr)")
        let listed = try await cli.run(["history", "list"])
        #expect(listed.stderr.contains("Nothing in history yet."), "\(listed.stdout)\(listed.stderr)")
    }
}
