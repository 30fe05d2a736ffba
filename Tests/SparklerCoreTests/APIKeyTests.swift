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

    /// A key command that prints `output` from a file, so the secret is not in the command's own text
    /// (which messages name). It reads the file with `cat` rather than executing a freshly written script:
    /// a process forked at that moment by another test can hold the script open for writing, and
    /// executing it then fails with "text file busy" (exit status 126).
    private func printingCommand(_ output: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-pass-\(UUID().uuidString)").path
        try Data(output.utf8).write(to: URL(fileURLWithPath: path))
        return "cat '\(path)'"
    }

    @Test func keyCommandFollowsPassTheFirstLineIsTheSecret() throws {
        let command = try printingCommand("fw-pass-key\nlogin: me@example.com\nurl: fireworks.ai\n")
        let key = try #require(try APIKeyResolver(environment: [:], settings: settings(command: command)).resolve())
        #expect(key.value == "fw-pass-key")
    }

    @Test func keyCommandWithWindowsLineEndsGivesTheKeyAlone() throws {
        let command = try printingCommand("fw-crlf-key\r\nsecond line\r\n")
        let key = try #require(try APIKeyResolver(environment: [:], settings: settings(command: command)).resolve())
        #expect(key.value == "fw-crlf-key")
    }

    @Test func keyCommandWithAnEmptyFirstLineIsRefused() throws {
        let command = try printingCommand("\nfw-second-line\n")
        #expect {
            try APIKeyResolver(environment: [:], settings: settings(command: command)).resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("first line") && !text.contains("fw-second-line")
        }
    }

    /// Every source: a key that cannot go in a header is refused by where the bad character is, never by what it is.
    @Test(arguments: [
        ("fw-line\nbreak-secret", "a line break"),
        ("fw-carriage\rreturn-secret", "a line break"),
        ("fw-tab\tbed-secret", "a tab"),
        ("fw-spa ced-secret", "a space"),
        ("fw-bell\u{07}ring-secret", "a control character"),
        ("fw-accent\u{E9}-secret", "a non-ASCII character"),
    ])
    func keyThatCannotBeSentIsRefusedWithoutEchoingIt(key: String, what: String) throws {
        let path = try keyFile(mode: 0o600, contents: key)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let resolvers = [
            APIKeyResolver(environment: ["FIREWORKS_API_KEY": key], settings: settings()),
            APIKeyResolver(environment: [:], settings: settings(file: path)),
        ]
        for resolver in resolvers {
            #expect {
                try resolver.resolve()
            } throws: { error in
                let text = "\(error)"
                return text.contains(what) && !text.contains("secret") && !text.contains("fw-")
            }
        }
    }

    @Test func controlCharacterInsideAKeyCommandsFirstLineIsRefused() throws {
        let command = try printingCommand("fw-cmd\u{1B}[31m-secret\n")
        #expect {
            try APIKeyResolver(environment: [:], settings: settings(command: command)).resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("a control character") && text.contains("key_command") && !text.contains("secret")
        }
    }
}
