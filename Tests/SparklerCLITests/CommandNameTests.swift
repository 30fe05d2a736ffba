import Foundation
import Testing

/// Every command names itself in its configuration. argument-parser otherwise derives a name from
/// `String(describing:)` of the type at every start, whose first-use protocol-conformance scans of the static
/// binary cost about 2 ms of every command (seven unnamed `history` subcommands did). The executable's types
/// cannot be imported here, so its sources are read.
@Suite struct CommandNameTests {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/sparkler")

    @Test func everyCommandConfigurationNamesItsCommand() throws {
        var configurations = 0
        var unnamed: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let call = rest.range(of: "CommandConfiguration(") {
                configurations += 1
                // The name is the call's first argument by the initialiser's order.
                let arguments = rest[call.upperBound...].drop(while: { $0 == "\n" || $0 == " " })
                if !arguments.hasPrefix("commandName:") {
                    let line = text[..<call.lowerBound].filter { $0 == "\n" }.count + 1
                    unnamed.append("\(file):\(line)")
                }
                rest = rest[call.upperBound...]
            }
        }
        #expect(configurations >= 14, "found \(configurations): the sources moved?")
        #expect(unnamed.isEmpty, "configurations without commandName: \(unnamed)")
    }
}
