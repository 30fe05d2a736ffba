import Foundation
import SparklerCore
import Testing

/// `make install` as a packager runs it, with the binary the tests already built (BUILD_DIR), then the
/// installed copy on its own: from another folder, and with the source tree hidden where a mount
/// namespace can hide it, so that the model it finds can only be the installed one.
@Suite struct InstallTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Waits without blocking a thread of the concurrency pool: `make install` may build the manual tool
    /// first (about a minute), and two blocked threads would starve every other test on two cores.
    private func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String]) async throws -> SparklerProcess.Outcome {
        let (process, stdout, stderr) = try SparklerProcess.launch(URL(fileURLWithPath: executable), arguments, in: folder, environment: environment)
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return SparklerProcess.Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8)
        )
    }

    /// Whether this machine lets a process hide a folder from itself (a mount namespace).
    private func canHideFolders(in folder: URL) async throws -> Bool {
        try await run("/usr/bin/env", ["unshare", "-m", "true"], in: folder, environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin"]).status == 0
    }

    @Test func installsEveryPartWhereExpectedAndTheInstalledCopyWorksAlone() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let buildDirectory = SparklerProcess.binary.deletingLastPathComponent().path

        let install = try await run("/usr/bin/env", [
            "make", "-C", Self.packageRoot.path, "install", "PREFIX=/usr", "DESTDIR=\(work.path)/stage", "BUILD_DIR=\(buildDirectory)",
        ], in: work, environment: ["PATH": path, "HOME": work.path])
        #expect(install.status == 0, "\(install.stdout)\n\(install.stderr)")

        let root = work.appendingPathComponent("stage/usr")
        let files = FileManager.default
        #expect(files.isExecutableFile(atPath: root.appendingPathComponent("bin/sparkler").path))
        #expect(files.fileExists(atPath: root.appendingPathComponent("share/sparkler/sparkler-tiny/model.safetensors").path))
        let bash = try String(contentsOf: root.appendingPathComponent("share/bash-completion/completions/sparkler"), encoding: .utf8)
        #expect(bash.contains("K_DPMPP_2M"), "the samplers are offered")
        #expect(bash.contains("---completion"), "models, sizes and history ids are asked of the binary")
        let zsh = try String(contentsOf: root.appendingPathComponent("share/zsh/site-functions/_sparkler"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef sparkler"))
        let fish = try String(contentsOf: root.appendingPathComponent("share/fish/vendor_completions.d/sparkler.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'sparkler'"))
        let manual = try String(contentsOf: root.appendingPathComponent("share/man/man1/sparkler.1"), encoding: .utf8)
        #expect(manual.contains(".Dt SPARKLER 1"))
        #expect(manual.contains("A terminal playground for text-to-image models"))
        #expect(files.fileExists(atPath: root.appendingPathComponent("share/man/man1/sparkler.generate.1").path))

        // The installed copy, run from elsewhere, without a key, with its own home.
        let elsewhere = work.appendingPathComponent("elsewhere")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let environment = [
            "PATH": path, "HOME": elsewhere.path, "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": elsewhere.appendingPathComponent("config").path,
            "XDG_DATA_HOME": elsewhere.appendingPathComponent("data").path,
            "XDG_STATE_HOME": elsewhere.appendingPathComponent("state").path,
        ]
        let sparkler = root.appendingPathComponent("bin/sparkler").path
        let picture = elsewhere.appendingPathComponent("circle.png")
        let generate = ["generate", "a red circle on a blue background", "--steps", "4", "--seed", "3", "-o", picture.path]
        let hidden = try await canHideFolders(in: work)
        // With a mount namespace, the source tree (and its models/ folder) is covered by an empty one.
        let (command, arguments) = hidden
            ? ("/usr/bin/env", ["unshare", "-m", "sh", "-c", "mount -t tmpfs none \"$0\" && exec \"$@\"", Self.packageRoot.path, sparkler] + generate)
            : (sparkler, generate)
        let made = try await run(command, arguments, in: elsewhere, environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let image = try ImageCodec.decode(Data(contentsOf: picture))
        #expect(image.size == ImageSize(width: 512, height: 512))

        let doctor = try await run(sparkler, ["doctor", "--json"], in: elsewhere, environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(doctor.stdout.utf8)) as? [String: Any])
        #expect(report["offline_engine"] as? String == root.appendingPathComponent("share/sparkler/sparkler-tiny").standardizedFileURL.path,
                "the installed model comes first (source tree hidden: \(hidden))")
    }
}
