import Foundation

/// A long-running program (an X server, a terminal window) started with posix_spawn, for tests that
/// need it alive while they work. It runs in a process group of its own, with default signal
/// handling and stdin from /dev/null, its stdout and stderr going to a log file; `stop()` (also
/// run on deinit) ends that group: SIGTERM first, SIGKILL if it has not gone within a second.
/// Only what this object started is ever signalled.
final class BackgroundProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Where the program's stdout and stderr go.
    let log: URL
    let arguments: [String]
    private var status: Int32?

    /// Starts `arguments` (the program found on PATH of `environment`, else the test's) with
    /// exactly `environment`.
    init(_ arguments: [String], environment: [String: String], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        // A group of its own, so that stop() reaches helpers it forks and nothing else.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        self.log = log
        self.arguments = arguments
    }

    deinit {
        stop()
    }

    /// The exit status once the program has ended (128 + the signal for a killed one), nil while it runs.
    func exitStatus() -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        status = Self.shellStatus(raw)
        return status
    }

    var isRunning: Bool { exitStatus() == nil }

    /// What the program wrote so far (the end of it, for failure messages).
    func logTail(_ characters: Int = 2000) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return String(text.suffix(characters))
    }

    /// Ends the program's process group and reaps the program; later calls do nothing. The group is
    /// signalled only while its leader is unreaped, so its id cannot have been reused.
    func stop() {
        guard status == nil else { return }
        kill(-pid, SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(1)
        while !hasExited(), clock.now < deadline {
            usleep(5_000)
        }
        kill(-pid, SIGKILL)
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
        status = Self.shellStatus(raw)
    }

    /// Whether the program has ended, without reaping it.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    private static func shellStatus(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }
}
