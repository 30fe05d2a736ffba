import FireworksTestServer
import Foundation
import Testing

/// A history that cannot be written is still listed, shown and searched, and the commands that would
/// change it stop with a message. Made read-only by a read-only bind mount in a mount namespace of the
/// command's own (tests run as root, whom permissions do not stop), else by permissions.
@Suite struct ReadOnlyHistoryTests {
    private static let key = "fw-readonly-0123456789"

    /// What is made read-only: the whole history folder (SQLite reads the WAL through the index the last
    /// writer left), the folder without that index (`-shm`: it cannot be made there, so the database is opened as
    /// immutable, with the WAL's latest entries folded into a private copy), or only the database file.
    enum Target: String, CaseIterable {
        case folder, folderWithoutIndex, database
    }

    @Test(arguments: Target.allCases)
    func aReadOnlyHistoryIsReadButNotChanged(_ target: Target) async throws {
        let server = try await FireworksTestServer.start(apiKey: Self.key)
        let cli = try SparklerProcess(apiKey: Self.key, baseURL: server.baseURL)
        defer { cli.cleanUp() }
        let made = try await cli.run(["generate", "a red fox in the snow", "--seed", "5"])
        #expect(made.status == 0, "\(made.stderr)")
        let path = target == .database ? cli.dataDirectory.appendingPathComponent("history.sqlite") : cli.dataDirectory
        if target == .folderWithoutIndex {
            try FileManager.default.removeItem(at: cli.dataDirectory.appendingPathComponent("history.sqlite-shm"))
        }

        let notice = "is read-only: it can be listed and shown, not changed."
        let listed = try await Self.run(cli, readOnly: path, ["history", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("a red fox in the snow"), "\(listed.stdout)")
        #expect(listed.stderr.components(separatedBy: notice).count == 2, "said once: \(listed.stderr)")

        let shown = try await Self.run(cli, readOnly: path, ["history", "show", "1"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("a red fox in the snow"), "\(shown.stdout)")
        let found = try await Self.run(cli, readOnly: path, ["history", "list", "--search", "fox"])
        #expect(found.status == 0 && found.stdout.contains("a red fox in the snow"), "\(found.stdout)\(found.stderr)")
        let notFound = try await Self.run(cli, readOnly: path, ["history", "list", "--search", "badger"])
        #expect(notFound.stderr.contains("Nothing in history matches that search."), "\(notFound.stderr)")

        let refusal = "is read-only (its folder or history.sqlite cannot be written), so this command cannot record anything in it"
        for command in [["history", "favorite", "1"], ["history", "rm", "1"], ["generate", "a badger"]] {
            let refused = try await Self.run(cli, readOnly: path, command)
            #expect(refused.status == 1, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains(refusal), "\(command): \(refused.stderr)")
            #expect(!refused.stderr.contains("SQLite") && !refused.stderr.contains("readonly"), "in words: \(refused.stderr)")
        }
        await server.shutdown()
        #expect(server.requests.count == 1, "the refused generate sent nothing, so nothing was paid for")

        let after = try await cli.run(["history", "list", "--json"])
        #expect(after.status == 0 && after.stdout.contains("a red fox in the snow"), "\(after.stderr)")
        #expect(!after.stderr.contains("read-only"), "writable again: \(after.stderr)")
    }

    /// Runs the binary with `path` (a folder or a file) read-only for it alone.
    private static func run(_ cli: SparklerProcess, readOnly path: URL, _ arguments: [String]) async throws -> SparklerProcess.Outcome {
        if try await hasMountNamespaces(cli) {
            let script = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""
            return try await SparklerProcess.wait(SparklerProcess.launch(
                URL(fileURLWithPath: "/usr/bin/env"), ["unshare", "-m", "sh", "-c", script, path.path, SparklerProcess.binary.path] + arguments,
                in: cli.home, environment: cli.environment))
        }
        try #require(getuid() != 0, "root ignores permissions and this machine has no mount namespaces: nothing here can make history read-only")
        let original = try #require(try FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? Int)
        try FileManager.default.setAttributes([.posixPermissions: original & ~0o222], ofItemAtPath: path.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: original], ofItemAtPath: path.path) }
        return try await cli.run(arguments)
    }

    private static func hasMountNamespaces(_ cli: SparklerProcess) async throws -> Bool {
        try await SparklerProcess.wait(SparklerProcess.launch(
            URL(fileURLWithPath: "/usr/bin/env"), ["unshare", "-m", "true"], in: cli.home, environment: cli.environment)).status == 0
    }
}
