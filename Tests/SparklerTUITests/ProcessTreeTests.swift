import Foundation
import Testing

/// What `RealTerminal.stop()` relies on: a process in a session of its own escapes the signal that ends its
/// starter's process group (as a terminal's command does), and the listed tree still ends it.
@Suite struct ProcessTreeTests {
    @Test func aDescendantInASessionOfItsOwnIsListedAndEnded() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let starter = try BackgroundProcess(
            ["sh", "-c", "setsid sleep 300 & wait"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            log: folder.appendingPathComponent("log"))
        func sleeper(in tree: ProcessTree) -> ProcessTree.Member? {
            tree.members.first { (try? String(contentsOfFile: "/proc/\($0.pid)/comm", encoding: .utf8)) == "sleep\n" }
        }
        var tree = ProcessTree(members: [])
        let deadline = ContinuousClock.now + .seconds(10)
        while sleeper(in: tree) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            tree = ProcessTree.descendants(of: starter.pid)
        }
        let sleeper = try #require(sleeper(in: tree), "the sleeper never started")
        starter.stop()
        #expect(kill(sleeper.pid, 0) == 0, "the group's signal reached a process in another session: nothing to test")
        tree.end()
        #expect(kill(sleeper.pid, 0) != 0 || Self.isZombie(sleeper.pid), "the tree's end left it running")
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
            return false
        }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }
}
