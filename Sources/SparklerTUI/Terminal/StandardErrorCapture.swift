import Glibc
import Synchronization

/// Keeps what is written to standard error while the session runs (a library's warning, Swift's
/// "Fatal error: ..." before a crash) off the screen, where it would garble the picture and vanish
/// with the alternate screen, and writes it to the terminal once the terminal is restored.
///
/// `finish()` runs in signal handlers too, so it is async-signal-safe: dup2, lseek, read, write on
/// descriptors and a copy buffer prepared by `begin()`, which are never freed.
enum StandardErrorCapture {
    private static let copyBufferSize = 4096
    /// Only the end of a long capture is replayed: the last words are the ones that explain.
    private static let replayLimit = 64 * 1024

    nonisolated(unsafe) private static let copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 1)
    /// The terminal's standard error while it is captured, -1 otherwise.
    private static let terminalDescriptor = Atomic<Int32>(-1)
    private static let captureDescriptor = Atomic<Int32>(-1)

    /// Sends standard error to an unnamed temporary file; if that fails, it stays on the terminal.
    static func begin() {
        guard terminalDescriptor.load(ordering: .acquiring) == -1 else { return }
        _ = copyBuffer
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/sparkler-stderr-XXXXXX".utf8CString)
        let capture = mkstemp(&template)
        guard capture >= 0 else { return }
        unlink(template)
        let terminal = dup(STDERR_FILENO)
        guard terminal >= 0, dup2(capture, STDERR_FILENO) >= 0 else {
            close(capture)
            if terminal >= 0 { close(terminal) }
            return
        }
        captureDescriptor.store(capture, ordering: .releasing)
        terminalDescriptor.store(terminal, ordering: .releasing)
    }

    /// Gives standard error back to the terminal and writes there what was captured.
    static func finish() {
        let terminal = terminalDescriptor.exchange(-1, ordering: .acquiringAndReleasing)
        guard terminal >= 0 else { return }
        dup2(terminal, STDERR_FILENO)
        close(terminal)
        let capture = captureDescriptor.exchange(-1, ordering: .acquiringAndReleasing)
        let length = lseek(capture, 0, SEEK_END)
        lseek(capture, max(0, length - off_t(replayLimit)), SEEK_SET)
        while true {
            let count = read(capture, copyBuffer, copyBufferSize)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var written = 0
            while written < count {
                let result = write(STDERR_FILENO, copyBuffer + written, count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                written += result
            }
        }
        close(capture)
    }
}
