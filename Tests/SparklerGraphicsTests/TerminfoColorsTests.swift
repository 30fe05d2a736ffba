import Foundation
@testable import SparklerGraphics
import Testing

/// terminfo's `colors`, read from compiled entries without ncurses: against `tput` on this machine's database,
/// and against made-up entries in both number formats.
@Suite struct TerminfoColorsTests {
    private static let tput = "/usr/bin/tput"

    /// What ncurses itself says (`tput -T name colors`): nil for an entry it does not know, 0 for none.
    private func ncursesColors(_ term: String) throws -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tput)
        process.arguments = ["-T", term, "colors"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let colors = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return max(0, colors)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: tput)), arguments: [
        "xterm", "xterm-256color", "xterm-direct", "xterm-kitty", "kitty-direct", "tmux-256color", "tmux-direct",
        "screen-256color", "linux", "vt100", "dumb", "no-such-terminal",
    ])
    func agreesWithNcursesOnThisMachine(term: String) throws {
        #expect(TerminfoColors.count(term: term) == (try ncursesColors(term)))
    }

    /// A compiled entry: one boolean (so a pad byte follows the names), `count` numbers of which
    /// `colors` (number 13) is `colors`, no strings.
    private func entry(colors: Int, numbers count: Int = 15, wide: Bool = false) -> Data {
        func short(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func number(_ value: Int) -> [UInt8] { (0..<(wide ? 4 : 2)).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let names = Array("test|a made-up terminal\0".utf8)
        var bytes = short(wide ? 0o1036 : 0o432) + short(names.count) + short(1) + short(count) + short(0) + short(0)
        bytes += names + [1]
        if bytes.count % 2 == 1 { bytes.append(0) }
        for index in 0..<count { bytes += number(index == 13 ? colors : 80) }
        return Data(bytes)
    }

    @Test func readsBothNumberFormatsFromTERMINFO() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("terminfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let entries: [String: Data] = [
            "t/test-256": entry(colors: 256),
            "t/test-direct": entry(colors: 1 << 24, wide: true),
            "t/test-short": entry(colors: 256, numbers: 5),
            "t/test-absent": entry(colors: -1),
            "t/test-broken": Data("not an entry".utf8),
            "74/test-hex": entry(colors: 88),
        ]
        for (path, data) in entries {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        let environment = ["TERMINFO": directory.path]
        func colors(_ term: String) -> Int? { TerminfoColors.count(term: term, environment: environment) }
        #expect(colors("test-256") == 256)
        #expect(colors("test-direct") == 1 << 24)
        #expect(colors("test-short") == 0, "an entry with fewer numbers has no colours")
        #expect(colors("test-absent") == 0)
        #expect(colors("test-broken") == nil)
        #expect(colors("test-hex") == 88, "the hexadecimal directories of case-insensitive file systems")
        #expect(colors("test-missing") == nil)
        #expect(colors("../t/test-256") == nil)
        #expect(TerminfoColors.count(term: nil, environment: environment) == nil)
    }

    @Test func searchesLikeNcurses() {
        let directories = TerminfoColors.directories(environment: ["TERMINFO": "/own", "HOME": "/home/me", "TERMINFO_DIRS": "/a::/b"])
        let system = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        #expect(directories == ["/own", "/home/me/.terminfo", "/a"] + system + ["/b"] + system)
    }
}
