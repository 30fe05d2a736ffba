import Foundation
import Testing
@testable import SparklerCore

@Suite struct ConfigTests {
    @Test func readsEveryKey() throws {
        let config = try SparklerConfig.parse("""
            model = "stable-diffusion-xl-1024-v1-0"
            backend = "local"
            theme = "light"

            [fireworks]
            base_url = "http://127.0.0.1:9999/inference/v1"
            key_command = "echo secret"
            key_command_timeout = 2.5
            timeout = 90
            connect_timeout = 2.5
            max_retries = 5

            [history]
            directory = "/tmp/sparkler-history"

            [terminal]
            graphics = "sixel"
            colors = "256"
            symbols = "block"
            tmux_passthrough = true
            """, file: "config.toml")
        #expect(config.model == "stable-diffusion-xl-1024-v1-0")
        #expect(config.backend == .local)
        #expect(config.fireworks.baseURL == "http://127.0.0.1:9999/inference/v1")
        #expect(config.fireworks.keyCommand == "echo secret")
        #expect(config.fireworks.keyCommandTimeoutSeconds == 2.5)
        #expect(config.fireworks.timeoutSeconds == 90)
        #expect(config.fireworks.connectTimeoutSeconds == 2.5)
        #expect(config.fireworks.maxRetries == 5)
        #expect(config.historyDirectory == "/tmp/sparkler-history")
        #expect(config.theme == "light")
        #expect(config.terminal.graphics == "sixel")
        #expect(config.terminal.colors == "256")
        #expect(config.terminal.symbols == "block")
        #expect(config.terminal.tmuxPassthrough == true)
    }

    @Test func missingFileIsAnEmptyConfig() throws {
        let config = try SparklerConfig.load(from: URL(fileURLWithPath: "/nonexistent/sparkler/config.toml"))
        #expect(config == SparklerConfig())
    }

    @Test(arguments: [
        ("model = \"a\"\n[fireworks\nbase_url = 1", 2, "not valid TOML"),
        ("model = \"a\"\n\n[fireworks]\ntimeout = \"slow\"", 4, "timeout must be a number"),
        ("[fireworks]\nmax_retries = 3\nbase_ulr = \"http://x\"", 3, "unknown key `base_ulr`"),
        ("modle = \"x\"", 1, "unknown key `modle`"),
        ("[fireworks]\nbase_url = \"ftp://example.com\"", 2, "http(s) URL"),
        ("[fireworks]\n\n\nmax_retries = 99", 4, "max_retries must be 0 to 10"),
        ("[fireworks]\nkey_command_timeout = 0", 2, "key_command_timeout must be a number of seconds above 0"),
        ("theme = \"dark\"\n[terminal]\ngraphics = \"ascii-art\"", 3, "graphics cannot be \"ascii-art\""),
        ("theme = \"dark\"\nbackend = \"cloud\"", 2, "backend cannot be \"cloud\"; use one of auto, local, fireworks"),
        ("[[models]]\nid = \"accounts/me/models/x\"\nsizes = [\"big\"]", 3, "WIDTHxHEIGHT"),
        ("[[models]]\nid = \"a/b\"", 2, "accounts/ACCOUNT/models/MODEL"),
        ("[[models]]\nid = \"x\"\n[[models]]\nid = \"y\"\nfamily = \"dalle\"", 5, "family cannot be \"dalle\""),
        ("[[models]]\nid = \"x\"\ncfg_min = 5\ncfg_max = 2", 1, "cfg_default must lie between"),
    ])
    func reportsFileAndLine(source: String, line: Int, message: String) {
        do {
            _ = try SparklerConfig.parse(source, file: "/home/u/.config/sparkler/config.toml")
            Issue.record("expected an error for \(source)")
        } catch {
            #expect(error.file == "/home/u/.config/sparkler/config.toml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("/home/u/.config/sparkler/config.toml:\(line): "))
        }
    }

    @Test func customModelsExtendAndOverrideTheCatalogue() throws {
        let config = try SparklerConfig.parse("""
            [[models]]
            id = "accounts/me/models/my-sdxl"
            name = "My SDXL"
            sizes = ["512x512", "768x768"]
            samplers = ["euler", "K_DPMPP_2M"]
            cfg_default = 5
            steps_max = 60

            [[models]]
            id = "playground-v2-1024px-aesthetic"
            sizes = ["1024x1024", "1000x1000"]

            [[models]]
            id = "accounts/me/models/my-flux"
            family = "flux"
            """, file: "config.toml")
        let catalogue = ModelCatalogue(adding: config.models)

        let mine = try #require(catalogue.model(named: "accounts/me/models/my-sdxl"))
        #expect(mine.displayName == "My SDXL")
        #expect(mine.sizes == [ImageSize(width: 512, height: 512), ImageSize(width: 768, height: 768)])
        #expect(mine.defaultShape == .size(ImageSize(width: 512, height: 512)))
        #expect(mine.samplers == [.euler, .dpmpp2M])
        #expect(mine.guidance.defaultValue == 5)
        #expect(mine.steps.upperBound == 60)

        let playground = try #require(catalogue.model(named: "playground-v2-1024px-aesthetic"))
        #expect(playground.sizes.contains(ImageSize(width: 1000, height: 1000)))
        #expect(playground.guidance.defaultValue == 3, "overrides keep the built-in's other values")
        #expect(catalogue.models.count == ModelCatalogue.builtInModels.count + 2)

        let flux = try #require(catalogue.model(named: "accounts/me/models/my-flux"))
        #expect(flux.family == .flux)
        #expect(flux.aspectRatios.contains("16:9"))
    }

    @Test func xdgPathsFollowTheEnvironment() {
        let explicit = SparklerPaths(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"])
        #expect(explicit.configFile.path == "/cfg/sparkler/config.toml")
        #expect(explicit.dataDirectory.path == "/data/sparkler")

        let fallback = SparklerPaths(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "relative/ignored"])
        #expect(fallback.configFile.path == "/home/u/.config/sparkler/config.toml")
        #expect(fallback.dataDirectory.path == "/home/u/.local/share/sparkler")
    }
}

@Suite struct UserPathTests {
    @Test func aTildeMeansHOME() {
        #expect(UserPath.expanded("~/pictures/a.png", environment: ["HOME": "/home/test"]) == "/home/test/pictures/a.png")
        #expect(UserPath.expanded("~", environment: ["HOME": "/home/test"]) == "/home/test")
        #expect(UserPath.expanded("~other/a.png", environment: ["HOME": "/home/test"]) == "~other/a.png", "another user's home is not guessed")
        #expect(UserPath.expanded("/abs/~/a.png", environment: ["HOME": "/home/test"]) == "/abs/~/a.png")
    }
}
