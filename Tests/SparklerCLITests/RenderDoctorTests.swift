import Foundation
import SparklerCore
import Testing

/// `sparkler render` and `sparkler doctor` through the built binary.
@Suite struct RenderDoctorTests {
    /// A square picture, red on the left and blue on the right.
    private func writePicture(in cli: SparklerProcess) throws -> String {
        var pixels: [UInt8] = []
        for _ in 0..<64 {
            for x in 0..<64 {
                pixels += x < 32 ? [255, 0, 0, 255] : [0, 0, 255, 255]
            }
        }
        let file = cli.home.appendingPathComponent("picture.png")
        try ImageCodec.encode(RGBAImage(width: 64, height: 64, pixels: pixels)!, as: .png).write(to: file)
        return file.path
    }

    @Test func rendersSymbolsWithColoursOneLinePerRow() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let picture = try writePicture(in: cli)

        let run = try await cli.run(["render", picture, "--size", "20x10"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
        #expect(run.stdout.contains("\u{1B}[0;"))
        #expect(run.stdout.contains("38;5;") || run.stdout.contains("48;5;"))
        #expect(!run.stdout.contains(/\x1B\[[0-9;]*[ABCDHJf]/), "no cursor movement: the output can be cat'ed later")

        let truecolor = try await cli.run(["render", picture, "--size", "20x10", "--colors", "truecolor"])
        #expect(truecolor.stdout.contains("2;255;0;0m"))
        #expect(truecolor.stdout.contains("2;0;0;255m"))

        let sixel = try await cli.run(["render", picture, "--size", "20x10", "--graphics", "sixel"])
        #expect(sixel.status == 0)
        #expect(sixel.stdout.hasPrefix("\u{1B}P"))
    }

    @Test func noColoursAndADumbTerminalGetNoEscapeSequenceAtAll() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let picture = try writePicture(in: cli)

        let none = try await cli.run(["render", picture, "--size", "20x10", "--colors", "none"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.split(separator: "\n").count == 10)
        #expect(!none.stdout.contains("\u{1B}"))

        cli.environment["TERM"] = "dumb"
        let dumb = try await cli.run(["render", picture, "--size", "20x10"])
        #expect(dumb.status == 0, "\(dumb.stderr)")
        #expect(dumb.stdout.split(separator: "\n").count == 10)
        #expect(!dumb.stdout.contains("\u{1B}") && !dumb.stderr.contains("\u{1B}"))
    }

    /// The playground in a real terminal (a pty, from script(1)) whose TERM is dumb says it cannot run there,
    /// rather than drawing a garbled screen.
    @Test func thePlaygroundRefusesADumbTerminal() async throws {
        var cli = try SparklerProcess()
        defer { cli.cleanUp() }
        cli.environment["TERM"] = "dumb"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", SparklerProcess.binary.path, "/dev/null"]
        process.environment = cli.environment
        let output = cli.home.appendingPathComponent("pty-output")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(process.terminationStatus == 2, "\(text)")
        #expect(text.contains("The playground cannot run here: TERM=dumb names a terminal that cannot move the cursor."), "\(text)")
    }

    @Test func theConfigChoosesColoursAndTheCommandLineOverridesIt() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let picture = try writePicture(in: cli)
        try cli.writeConfig("[terminal]\ncolors = \"truecolor\"\n")

        let configured = try await cli.run(["render", picture, "--size", "8x4"])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("2;255;0;0m"))
        let overridden = try await cli.run(["render", picture, "--size", "8x4", "--colors", "256"])
        #expect(overridden.stdout.contains("5;196m"))
        #expect(!overridden.stdout.contains("2;255;0;0m"))
    }

    @Test func refusesWhatIsNotAPicture() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let text = cli.home.appendingPathComponent("notes.txt")
        try "hello".write(to: text, atomically: true, encoding: .utf8)

        let notAPicture = try await cli.run(["render", text.path])
        #expect(notAPicture.status == 1)
        #expect(notAPicture.stderr.contains("notes.txt is not a JPEG or PNG picture"))
        #expect(notAPicture.stdout.isEmpty)

        let missing = try await cli.run(["render", cli.home.appendingPathComponent("missing.png").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing.png: No such file or directory."), "\(missing.stderr)")
        #expect(!missing.stderr.contains("could not be completed") && !missing.stderr.contains("NSCocoaErrorDomain"), "in words, without Foundation's")
    }

    @Test(arguments: [["--size", "20"], ["--size", "0x10"], ["--graphics", "ascii-art"], ["--colors", "12"], ["--symbols", "emoji"]])
    func badOptionsAreUsageErrors(options: [String]) async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let run = try await cli.run(["render", try writePicture(in: cli)] + options)
        #expect(run.status == 2, "\(options): \(run.stderr)")
    }

    @Test func doctorReportsTheKeyWithoutPrintingIt() async throws {
        let secret = "fw-doctor-secret-0123456789"
        var cli = try SparklerProcess(apiKey: secret)
        defer { cli.cleanUp() }
        cli.environment["TERM"] = "tmux-256color"
        cli.environment["TMUX"] = "/tmp/tmux-1000/default,1,0"

        let text = try await cli.run(["doctor"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("set (from FIREWORKS_API_KEY)"))
        #expect(text.stdout.contains("inside tmux without passthrough: symbols"))
        #expect(text.stdout.contains(cli.configFile.path))
        #expect(!text.stdout.contains(secret) && !text.stderr.contains(secret))

        let json = try await cli.run(["doctor", "--json"])
        #expect(json.status == 0)
        #expect(!json.stdout.contains(secret))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let key = try #require(report["api_key"] as? [String: Any])
        #expect(key["set"] as? Bool == true)
        #expect(key["source"] as? String == "FIREWORKS_API_KEY")
        let graphics = try #require(report["graphics"] as? [String: Any])
        #expect(graphics["mode"] as? String == "symbols")
        #expect((report["terminal"] as? [String: Any])?["inside_tmux"] as? Bool == true)
        #expect(report["backend"] as? String == "fireworks")
        #expect(report["default_model"] as? String == "accounts/fireworks/models/playground-v2-1024px-aesthetic")
    }

    @Test func doctorStillReportsWithoutAKeyOrWithABrokenConfig() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let plain = try await cli.run(["doctor"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("not set"))
        #expect(plain.stdout.contains("local (offline engine: set FIREWORKS_API_KEY to use Fireworks)"))
        #expect(plain.stdout.contains("accounts/sparkler/models/sparkler-tiny"))
        #expect(plain.stdout.contains("models/sparkler-tiny"))

        var elsewhere = cli
        elsewhere.environment["SPARKLER_MODEL_DIR"] = "/nonexistent/model"
        let missing = try await elsewhere.run(["doctor"])
        #expect(missing.stdout.contains("/nonexistent/model"), "says where it looked")

        try cli.writeConfig("model = \n")
        let broken = try await cli.run(["doctor"])
        #expect(broken.status == 0)
        #expect(broken.stdout.contains("is broken"))
        #expect(broken.stdout.contains("config.toml:1"))
    }
}
