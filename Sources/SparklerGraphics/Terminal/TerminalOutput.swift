#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Bytes written straight to the terminal (fd 1), past ncurses: the probe's questions, mode switches ncurses
/// has no capability for, and graphics sequences written after a refresh.
public enum TerminalOutput {
    public static func send(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        var text = text
        text.withUTF8 { send($0, to: descriptor) }
    }

    /// Writes every byte, going on after partial writes and interrupted calls (a resize signal).
    public static func send(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32 = STDOUT_FILENO) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            next += written
            left -= written
        }
    }
}
