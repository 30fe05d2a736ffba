import Foundation

/// The processes a process started, and theirs, read from /proc. A terminal's command runs in a session of its
/// own, out of reach of the signal that ends the terminal's process group, and a command that outlives the
/// terminal (`script` keeps its own pty, and the playground in it, running) would be left behind by every test run.
struct ProcessTree {
    /// A process as it was when listed: its start time tells it from a later process given the same id.
    struct Member: Equatable {
        var pid: pid_t
        var startTime: String
    }

    let members: [Member]

    /// Every living descendant of `root`.
    static func descendants(of root: pid_t) -> ProcessTree {
        let all = listed()
        var found: [Member] = []
        var parents: Set<pid_t> = [root]
        while true {
            let children = all.filter { parents.contains($0.parent) && !found.contains($0.member) }
            guard !children.isEmpty else { break }
            found += children.map(\.member)
            parents = Set(children.map(\.member.pid))
        }
        return ProcessTree(members: found)
    }

    /// SIGTERM to each that is still the same process, then SIGKILL to any still there after a second.
    func end() {
        signal(SIGTERM)
        let deadline = ContinuousClock.now + .seconds(1)
        while members.contains(where: Self.isAlive), ContinuousClock.now < deadline {
            usleep(10_000)
        }
        signal(SIGKILL)
    }

    private func signal(_ number: Int32) {
        for member in members where Self.isAlive(member) {
            kill(member.pid, number)
        }
    }

    private static func isAlive(_ member: Member) -> Bool {
        guard let entry = entry(member.pid) else { return false }
        return entry.member == member && entry.state != "Z"
    }

    private static func listed() -> [(member: Member, parent: pid_t, state: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.compactMap(entry)
    }

    /// /proc/PID/stat: the command name is in parentheses and may hold spaces, so fields count from its end.
    private static func entry(_ pid: pid_t) -> (member: Member, parent: pid_t, state: String)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state (3), ppid (4) ... starttime (22).
        guard fields.count > 19, let parent = pid_t(fields[1]) else { return nil }
        return (Member(pid: pid, startTime: String(fields[19])), parent, String(fields[0]))
    }
}
