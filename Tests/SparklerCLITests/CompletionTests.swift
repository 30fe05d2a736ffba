import Foundation
import Testing

/// Shell completion's values, asked of the binary the way the generated bash, zsh and fish scripts ask:
/// `sparkler ---completion SUBCOMMANDS -- ARGUMENT WORD-INDEX CURSOR WORDS...`.
@Suite struct CompletionTests {
    private func complete(_ cli: SparklerProcess, _ path: [String], _ argument: String, words: [String]) async throws -> [String] {
        let run = try await cli.run(["---completion"] + path + ["--", argument, String(words.count - 1), "0"] + words)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func modelsAreTheCataloguesConfigTomlIncluded() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let builtIn = try await complete(cli, ["generate"], "--model", words: ["sparkler", "generate", "a fox", "--model", ""])
        #expect(builtIn.contains("playground-v2-1024px-aesthetic") && builtIn.contains("sparkler-tiny") && builtIn.contains("flux-1-schnell-fp8"))
        try cli.writeConfig("""
            [[models]]
            id = "accounts/me/models/my-sdxl"
            name = "My SDXL"
            family = "sd"
            sizes = ["1024x1024", "1152x896"]
            """)
        let configured = try await complete(cli, ["compare"], "--model", words: ["sparkler", "compare", "a fox", "--model", ""])
        #expect(configured.contains("my-sdxl"))
        let sizes = try await complete(cli, ["generate"], "--size", words: ["sparkler", "generate", "a fox", "--model", "my-sdxl", "--size", ""])
        #expect(sizes == ["1024x1024", "1152x896"], "the sizes of the model on the line")
    }

    @Test func sizesAndAspectRatiosFollowTheModelOnTheLine() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let flux = try await complete(cli, ["generate"], "--aspect-ratio", words: ["sparkler", "generate", "x", "--model=flux-1-schnell-fp8", "--aspect-ratio", ""])
        #expect(flux.contains("16:9") && flux.contains("1:1"))
        let playground = try await complete(cli, ["generate"], "--size", words: ["sparkler", "generate", "x", "--model", "playground-v2-1024px-aesthetic", "--size", ""])
        #expect(playground.contains("1024x1024") && !playground.contains("256x256"))
        let any = try await complete(cli, ["generate"], "--size", words: ["sparkler", "generate", "x", "--size", ""])
        #expect(any.contains("1024x1024") && any.contains("256x256"), "every model's sizes when none is named")
        #expect(Set(any).count == any.count, "each size once")
    }

    @Test func historyIdsAreTheNewestEntriesAndNothingWithoutAHistory() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let empty = try await complete(cli, ["history", "show"], "positional@0", words: ["sparkler", "history", "show", ""])
        #expect(empty.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("history.sqlite").path),
                "completing never creates a history")

        for seed in ["1", "2"] {
            let made = try await cli.run(["generate", "a red circle", "--backend", "local", "--steps", "2", "--seed", seed])
            #expect(made.status == 0, "\(made.stderr)")
        }
        for command in ["show", "export", "favorite", "rm"] {
            let ids = try await complete(cli, ["history", command], "positional@0", words: ["sparkler", "history", command, ""])
            #expect(ids == ["2", "1"], "history \(command): newest first")
        }
    }

    @Test func themesAreTheBuiltInOnesAndTheUsers() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let themes = cli.configFile.deletingLastPathComponent().appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "".write(to: themes.appendingPathComponent("midnight.toml"), atomically: true, encoding: .utf8)
        let names = try await complete(cli, [], "--theme", words: ["sparkler", "--theme", ""])
        #expect(names.contains("dark") && names.contains("high-contrast") && names.contains("midnight"))
    }

    @Test func unreadableConfigurationCompletesQuietly() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        try cli.writeConfig("this is [not toml")
        let ids = try await complete(cli, ["history", "show"], "positional@0", words: ["sparkler", "history", "show", ""])
        #expect(ids.isEmpty)
        let models = try await complete(cli, ["generate"], "--model", words: ["sparkler", "generate", "x", "--model", ""])
        #expect(models.contains("sparkler-tiny"), "the built-in catalogue")
    }

    @Test func theScriptsOfferFixedValuesAndAskTheBinaryForTheRest() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let bash = try await cli.run(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains("K_DPMPP_2M") && bash.stdout.contains("truecolor"))
        #expect(bash.stdout.contains("---completion generate -- --model"))
        #expect(bash.stdout.contains("---completion history show -- positional@0"))
        for shell in ["zsh", "fish"] {
            let script = try await cli.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("K_DPMPP_2M"), "\(shell)")
        }
    }
}
