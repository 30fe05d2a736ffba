import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `key_command` under `/bin/sh` with a deadline. The command runs in a process group of its own, so
/// that a command which hangs (a password manager waiting for a passphrase nobody types) is stopped together
/// with every process it started, not only the shell.
struct KeyCommandRunner {
    enum Outcome: Equatable {
        /// It exited with status 0; what it printed on standard output.
        case printed(Data)
        case failed(exitStatus: Int32)
        case killedBySignal(Int32)
        /// It was still running (or still holding standard output open) at the deadline and was killed.
        case timedOut
        case couldNotStart(errno: Int32)
    }

    var command: String
    var timeout: Duration

    func run() -> Outcome {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return .couldNotStart(errno: errno) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        // Neither end may leak into another program this process starts (the child gets its dup2 copy).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }

        let pid: pid_t
        do {
            defer { close(writeEnd) }
            pid = try spawn(writingTo: writeEnd)
        } catch {
            return .couldNotStart(errno: error.code)
        }

        let deadline = ContinuousClock.now + timeout
        guard let output = readToEnd(readEnd, until: deadline), let status = waitForExit(pid, until: deadline) else {
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            while waitpid(pid, &ignored, 0) == -1 && errno == EINTR {}
            return .timedOut
        }
        if Self.exitedNormally(status) {
            let code = Self.exitCode(status)
            return code == 0 ? .printed(output) : .failed(exitStatus: code)
        }
        return .killedBySignal(status & 0x7F)
    }

    private struct SpawnError: Error { var code: Int32 }

    /// `/bin/sh -c command` with standard output into `writeEnd`, input and errors on /dev/null, as the leader
    /// of a new process group (its id is the child's pid).
    private func spawn(writingTo writeEnd: Int32) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noBlockedSignals = sigset_t()
        sigemptyset(&noBlockedSignals)
        posix_spawnattr_setsigmask(&attributes, &noBlockedSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        guard result == 0 else { throw SpawnError(code: result) }
        return pid
    }

    /// Everything written to `fd` until it is closed, or nil when the deadline comes first.
    private func readToEnd(_ fd: Int32, until deadline: ContinuousClock.Instant) -> Data? {
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            guard let milliseconds = Self.milliseconds(until: deadline) else { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready == -1 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = read(fd, &buffer, buffer.count)
            if count == -1 && errno == EINTR { continue }
            guard count > 0 else { return output }
            output.append(contentsOf: buffer[..<count])
        }
    }

    /// The shell's wait status once it has exited, or nil when the deadline comes first. It has closed its
    /// output by now, so this is normally at once; a short poll keeps a shell that closed its output and went
    /// on running within the deadline too.
    private func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result == -1 && errno != EINTR { return nil }
            guard Self.milliseconds(until: deadline) != nil else { return nil }
            usleep(5_000)
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32? {
        let left = deadline - .now
        guard left > .zero else { return nil }
        return Int32(clamping: max(1, Int(left.inSeconds * 1000)))
    }

    private static func exitedNormally(_ status: Int32) -> Bool { status & 0x7F == 0 }
    private static func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xFF }
}
