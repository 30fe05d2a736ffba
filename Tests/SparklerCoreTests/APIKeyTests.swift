import Foundation
import Testing
@testable import SparklerCore

@Suite struct APIKeyTests {
    private func settings(command: String? = nil, file: String? = nil) -> SparklerConfig.FireworksSettings {
        var settings = SparklerConfig.FireworksSettings()
        settings.keyCommand = command
        settings.keyFile = file
        return settings
    }

    private func keyFile(mode: mode_t, contents: String = "fw-file-key\n") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-key-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test func environmentComesFirst() throws {
        let resolver = APIKeyResolver(environment: ["FIREWORKS_API_KEY": " fw-env \n"], settings: settings(command: "echo other"))
        let key = try #require(try resolver.resolve())
        #expect(key.value == "fw-env")
        #expect(key.source == .environment)
        #expect(!"\(key)".contains("fw-env"), "printing a key never shows it")
        #expect(!String(reflecting: key).contains("fw-env"))
    }

    @Test func noSourceMeansNoKey() throws {
        #expect(try APIKeyResolver(environment: [:], settings: settings()).resolve() == nil)
    }

    @Test func keyCommandOutputIsTheKey() throws {
        let key = try #require(try APIKeyResolver(environment: [:], settings: settings(command: "printf 'fw-cmd\\n'")).resolve())
        #expect(key.value == "fw-cmd")
    }

    @Test func failingKeyCommandSaysSoWithoutItsOutput() {
        let resolver = APIKeyResolver(environment: [:], settings: settings(command: "echo $((40 + 2))-printed; exit 3"))
        #expect {
            try resolver.resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("exit status 3") && !text.contains("42-printed")
        }
    }

    @Test func ownerOnlyKeyFileIsRead() throws {
        let path = try keyFile(mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let key = try #require(try APIKeyResolver(environment: [:], settings: settings(file: path)).resolve())
        #expect(key.value == "fw-file-key")
    }

    @Test func keyFileReadableByOthersIsRefused() throws {
        let path = try keyFile(mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try APIKeyResolver(environment: [:], settings: settings(file: path)).resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("chmod 600") && text.contains("644") && !text.contains("fw-file-key")
        }
    }

    @Test func missingKeyFileIsNamed() {
        #expect {
            try APIKeyResolver(environment: [:], settings: settings(file: "/nonexistent/key")).resolve()
        } throws: { error in "\(error)".contains("/nonexistent/key") }
    }
}
