import Foundation
import TestSupport

/// The built `sparkler` binary, run as a user would: its own XDG folders, its own environment.
struct SparklerProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = BuiltProduct.url("sparkler", override: "SPARKLER_BINARY")

    /// A fresh home with empty config and data folders, removed by `cleanUp()`.
    let home: URL
    var environment: [String: String]

    init(apiKey: String? = nil, baseURL: String? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
        if let apiKey { environment["FIREWORKS_API_KEY"] = apiKey }
        if let baseURL { environment["FIREWORKS_API_BASE"] = baseURL }
    }

    var dataDirectory: URL { home.appendingPathComponent("data/sparkler") }
    var configFile: URL { home.appendingPathComponent("config/sparkler/config.toml") }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: configFile, atomically: true, encoding: .utf8)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home)
    }

    /// Starts the binary; the caller waits for it (or kills it).
    func start(_ arguments: [String]) throws -> (Process, stdout: URL, stderr: URL) {
        try Self.launch(Self.binary, arguments, in: home, environment: environment)
    }

    /// Starts `executable` in `folder`, its output going to files there (a pipe could fill up and block it).
    static func launch(
        _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]
    ) throws -> (Process, stdout: URL, stderr: URL) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        let stdout = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let stderr = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs the binary to completion; output goes through files, so no pipe can fill up and block it.
    func run(_ arguments: [String]) async throws -> Outcome {
        try await Self.wait(start(arguments))
    }

    /// Waits for a launched process without holding a thread of the concurrency pool.
    static func wait(_ launched: (Process, stdout: URL, stderr: URL)) async throws -> Outcome {
        let (process, stdout, stderr) = launched
        while process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        return Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8)
        )
    }
}
