import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// The CLI's options for Kontext's own parameters come from the schema: spelled as `--safety-tolerance 1`,
/// `--safety-tolerance=1` or `--prompt-upsampling`, checked before anything is sent, listed in `--help`.
@Suite struct ModelOptionTests {
    private static let key = "fw-options-secret-0123456789"

    @Test func optionsReachTheWire() async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a red fox", "--model", "flux-kontext-pro", "--safety-tolerance=5", "--prompt-upsampling"])
        await server.shutdown()
        #expect(run.status == 0, "\(run.stderr)")
        let submitted = try #require(server.requests.first?.json)
        #expect(submitted["safety_tolerance"] == .int(5) && submitted["prompt_upsampling"] == .bool(true))
    }

    @Test(arguments: [
        (["--safety-tolerance", "9"], "Safety tolerance 9 is not allowed: 0 to 6."),
        (["--safety-tolerance", "3,5"], "--safety-tolerance takes a whole number, not 3,5."),
        (["--safety-tolerance"], "--safety-tolerance needs a whole number"),
        (["--prompt-upsampling=maybe"], "--prompt-upsampling takes no value"),
        (["--safety-tolerence", "2"], "Unknown option --safety-tolerence"),
    ])
    func badOptionsAreUsageErrorsBeforeAnyRequest(options: [String], message: String) async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let run = try await cli.run(["generate", "a red fox", "--model", "flux-kontext-pro"] + options)
        await server.shutdown()
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(server.requests.isEmpty)
    }

    @Test func helpListsEachOptionWithTheModelsThatTakeIt() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let help = try await cli.run(["generate", "--help"])
        #expect(help.stdout.contains("--safety-tolerance N") && help.stdout.contains("--prompt-upsampling"), "\(help.stdout)")
        #expect(help.stdout.contains("flux-kontext-pro, flux-kontext-max"))
    }

    /// Every parameter the command line takes is spelled and explained as the schema declares it.
    @Test func everyParameterOptionIsTheSchemas() async throws {
        let cli = try SparklerProcess()
        defer { cli.cleanUp() }
        let help = try await cli.run(["generate", "--help"])
        // argument-parser wraps help to the width: compare with the wrapping undone.
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let shared: [RequestParameter] = [
            .negativePrompt, .size, .aspectRatio, .guidance, .steps, .seed, .sampler, .format, .jpegQuality, .safetyCheck,
            .initImage, .imageStrength, .stepSchedule, .controlImage, .controlNet, .conditioningScale,
        ]
        for parameter in shared + RequestParameter.options {
            #expect(text.contains(parameter.optionFlag), "\(parameter.optionFlag) missing from --help")
            #expect(text.contains(parameter.help), "\(parameter)'s help missing from --help")
        }
        #expect(text.contains("--cfg <cfg>") && text.contains("--negative <negative>"))
    }
}
