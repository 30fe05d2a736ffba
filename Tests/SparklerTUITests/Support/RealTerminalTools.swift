import Foundation

/// The programs the real-terminal tests drive, each with the Debian package that brings it
/// (the Makefile's TEST_PACKAGES installs them all). A missing one fails the test with a message
/// naming its package, never skips it.
enum RealTerminalTools {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    struct Tool: Sendable {
        /// The executable looked up on PATH, or a file whose presence stands for the package.
        var name: String
        var package: String
        var path: String?

        static let xvfb = Tool(name: "Xvfb", package: "xvfb")
        static let xdpyinfo = Tool(name: "xdpyinfo", package: "x11-utils")
        static let xwininfo = Tool(name: "xwininfo", package: "x11-utils")
        static let xdotool = Tool(name: "xdotool", package: "xdotool")
        static let xterm = Tool(name: "xterm", package: "xterm")
        static let kitty = Tool(name: "kitty", package: "kitty")
        static let importTool = Tool(name: "import", package: "imagemagick")
        static let python3 = Tool(name: "python3", package: "python3")
        static let dejaVuSansMono = Tool(
            name: "DejaVu Sans Mono", package: "fonts-dejavu-core", path: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    }

    /// Throws `Missing`, naming every absent tool's package and how to install them all.
    static func require(_ tools: Tool...) throws {
        let missing = tools.filter { tool in
            if let path = tool.path { return !FileManager.default.fileExists(atPath: path) }
            return find(tool.name) == nil
        }
        guard !missing.isEmpty else { return }
        let names = missing.map { "\($0.name) (Debian package \($0.package))" }.joined(separator: ", ")
        let packages = Set(missing.map(\.package)).sorted().joined(separator: " ")
        throw Missing(description: "the real-terminal tests need \(names): run `make test-deps` or `apt-get install \(packages)`")
    }

    /// The executable's path on the test's PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What every program the harness starts begins from: the test's PATH, LANG=C.UTF-8 and
    /// nothing else inherited (no TERM_PROGRAM, KITTY_WINDOW_ID, TMUX, COLORTERM or DISPLAY).
    static func baseEnvironment() -> [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
    }
}
