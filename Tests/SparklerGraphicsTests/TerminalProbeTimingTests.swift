import Foundation
import Glibc
import Testing
@testable import SparklerGraphics

/// The probe against a pseudo-terminal whose "terminal" answers slowly, as over a distant ssh link: a
/// caller that gives the terminal back (render, doctor) waits for the answers instead of leaving them to
/// be echoed onto the screen.
@Suite struct TerminalProbeTimingTests {
    /// A pty pair in raw-ish mode on the terminal side; closed by `close()`.
    private struct PseudoTerminal {
        let master: Int32
        let slave: Int32

        /// Linux's pty multiplexer: unlock the new pair, then open its terminal side by number (Glibc's
        /// module leaves out posix_openpt and openpty).
        init() throws {
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            // TIOCSPTLCK and TIOCGPTN, whose _IOW/_IOR macros Swift does not import.
            guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
                throw CocoaError(.fileNoSuchFile)
            }
            slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw CocoaError(.fileNoSuchFile) }
        }

        /// What the slave side wrote or echoed, waiting up to `wait` for the first byte.
        func read(waiting wait: Duration) -> [UInt8] {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            var timeout = Int32(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
            while poll(&descriptor, 1, timeout) > 0 {
                let count = Glibc.read(master, &buffer, buffer.count)
                guard count > 0 else { break }
                bytes += buffer[0..<count]
                timeout = 50
            }
            return bytes
        }

        func close() {
            Glibc.close(slave)
            Glibc.close(master)
        }
    }

    /// The probe's answer, from the thread that asked.
    private final class Answer: @unchecked Sendable {
        var result: TerminalProbe.Result?
        let done = DispatchSemaphore(value: 0)
    }

    @Test func aSlowTerminalIsWaitedForAndItsAnswersAreNeverEchoed() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let probe = TerminalProbe(timeout: .milliseconds(50), givingBackTimeout: .seconds(30))
        let slave = pty.slave
        let answer = Answer()
        // A thread of its own, as a command's main thread: the task pool can be busy for seconds beside other tests.
        Thread.detachNewThread {
            answer.result = probe.ask(input: slave, output: slave)
            answer.done.signal()
        }
        // The queries arrive; the answer leaves well after the 50 ms a quiet caller would wait.
        let queries = pty.read(waiting: .seconds(30))
        #expect(String(decoding: queries, as: UTF8.self).contains("\u{1B}[c"))
        Thread.sleep(forTimeInterval: 0.3)
        _ = "\u{1B}[?62;4c".withCString { Glibc.write(pty.master, $0, strlen($0)) }
        answer.done.wait()
        let result = try #require(answer.result)
        #expect(result.complete)
        #expect(result.answers.primaryAttributes?.contains(4) == true, "sixel, from the late DA1")
        #expect(result.typed.isEmpty)
        // Echo is back on now; nothing of the answer comes back out as text.
        #expect(pty.read(waiting: .milliseconds(200)).isEmpty)
    }
}
