#!/usr/bin/env python3
"""Start-up of the playground (`sparkler` with no subcommand) to its first frame, in a pseudo-terminal.

At start-up the playground asks the terminal its questions in one write, DA1 (ESC [ c) last, and waits
for DA1's answer at most 150 ms (TerminalQuery.swift, TerminalProbe.swift). This times, from spawn to the
first frame on screen (the status line's end, "F1 help", in the output), two terminals:

  answering  replies as soon as it sees ESC [ c, with what xterm in vt340 mode says to XTVERSION and DA1;
  silent     never replies, so the playground waits out its timeout.

Each run: a fresh pty of 120x40 cells (1200x800 pixels, so no size question matters), fresh HOME and
XDG_* folders (no history, no saved form), TERM=xterm-256color, LANG=C.UTF-8, no FIREWORKS_API_KEY (the
offline engine). After the frame it sends Ctrl-C and waits for the exit, killing it after a few seconds.

With --history DIR (a folder holding history.sqlite, e.g. history-bench's 100,000 entries), every run opens
that history (linked in as $XDG_DATA_HOME/sparkler), waits --settle seconds after the first frame (the
history pane's first page loads after it) and also reports the process's peak resident memory (VmHWM).

Usage: scripts/bench-startup.py .build/release/sparkler [--runs 20] [--warmup 2] [--timeout 10] [--history DIR --settle 1]
The modes take turns run by run, after the warm-ups. Prints median, p10 and p90 per mode on stderr,
and a Markdown table on stdout, with when the query was written and from it to the frame (the wait
for the answers, and the painting). Exits non-zero if a run never shows a frame. Python 3 standard
library only.
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

COLUMNS, ROWS = 120, 40
PIXEL_WIDTH, PIXEL_HEIGHT = 1200, 800
DA1_QUERY = b"\x1b[c"
XTVERSION_QUERY = b"\x1b[>0q"
FRAME_TEXT = b"F1 help"
# xterm (patch 379) started with -ti vt340: its answers to XTVERSION and to DA1, in the order asked.
XTVERSION_REPLY = b"\x1bP>|XTerm(379)\x1b\\"
DA1_REPLY = b"\x1b[?63;1;2;4;6;9;15;16;22;28c"
CTRL_C = b"\x03"
EXIT_GRACE_S = 5.0


class NoFrame(Exception):
    pass


def environment(home, history):
    env = {
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "SWIFT_BACKTRACE": "enable=no",
    }
    if "SPARKLER_MODEL_DIR" in os.environ:
        env["SPARKLER_MODEL_DIR"] = os.environ["SPARKLER_MODEL_DIR"]
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.makedirs(env[key])
    if history:
        os.symlink(history, os.path.join(env["XDG_DATA_HOME"], "sparkler"))
    return env


def peak_memory_kb(pid):
    """VmHWM of a running process, in KiB; None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def spawn(binary, env):
    """Forks with a new pty as the child's controlling terminal, sized before the exec."""
    pid, master = pty.fork()
    if pid == 0:
        try:
            size = struct.pack("HHHH", ROWS, COLUMNS, PIXEL_WIDTH, PIXEL_HEIGHT)
            fcntl.ioctl(0, termios.TIOCSWINSZ, size)
            os.execve(binary, [binary], env)
        except BaseException as error:  # noqa: BLE001: anything here must end the child
            os.write(2, f"bench-startup: cannot run {binary}: {error}\n".encode())
        os._exit(127)
    return pid, master


def read_some(master, deadline):
    """Bytes from the pty, b"" at its end (the child gone), None when the deadline passed."""
    left = deadline - time.perf_counter()
    if left <= 0:
        return None
    ready, _, _ = select.select([master], [], [], left)
    if not ready:
        return None
    try:
        return os.read(master, 65536)
    except OSError:  # EIO: every slave end closed
        return b""


def finish(pid, master):
    """Sends Ctrl-C, drains the output until the child exits (or kills it); its exit status."""
    try:
        os.write(master, CTRL_C)
    except OSError:
        pass
    deadline = time.perf_counter() + EXIT_GRACE_S
    status = None
    while status is None:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = raw
            break
        chunk = read_some(master, min(deadline, time.perf_counter() + 0.05))
        if chunk is None and time.perf_counter() >= deadline:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            os.close(master)
            return "killed"
        if chunk == b"":
            _, status = os.waitpid(pid, 0)
    os.close(master)
    return os.waitstatus_to_exitcode(status)


def run_once(binary, mode, timeout, history=None, settle=0.0):
    """One start-up: (ms to the first frame, ms to the query or None, exit status, peak memory in KiB)."""
    home = tempfile.mkdtemp(prefix="sparkler-startup-")
    try:
        env = environment(home, history)
        start = time.perf_counter()
        pid, master = spawn(binary, env)
        deadline = start + timeout
        output = bytearray()
        scanned = 0
        asked_at = None
        framed_at = None
        while framed_at is None:
            chunk = read_some(master, deadline)
            if chunk is None or chunk == b"":
                break
            output += chunk
            now = time.perf_counter()
            # Search only what is new, plus enough before it for a sequence split across reads.
            window_start = max(0, scanned - len(FRAME_TEXT))
            if asked_at is None and output.find(DA1_QUERY, window_start) >= 0:
                asked_at = now
                if mode == "answering":
                    replies = (XTVERSION_REPLY if XTVERSION_QUERY in output else b"") + DA1_REPLY
                    os.write(master, replies)
            if output.find(FRAME_TEXT, window_start) >= 0:
                framed_at = now
            scanned = len(output)
        if framed_at is None:
            status = finish(pid, master)
            tail = bytes(output[-400:])
            reason = "exited" if chunk == b"" else f"no frame within {timeout:g} s"
            raise NoFrame(f"{mode}: {reason} (exit status {status}); last output: {tail!r}")
        settled = time.perf_counter() + settle
        while read_some(master, settled) not in (None, b""):
            pass
        memory = peak_memory_kb(pid)
        status = finish(pid, master)
        to_ms = lambda t: (t - start) * 1000.0  # noqa: E731
        return to_ms(framed_at), (to_ms(asked_at) if asked_at is not None else None), status, memory
    finally:
        shutil.rmtree(home, ignore_errors=True)


def summary(values):
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return statistics.median(values), deciles[0], deciles[8]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the sparkler executable, e.g. .build/release/sparkler")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per mode (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs per mode first (default 2)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a run may take to show its frame")
    parser.add_argument("--modes", nargs="+", choices=("answering", "silent"), default=["answering", "silent"])
    parser.add_argument("--history", help="a history folder (history.sqlite) every run opens")
    parser.add_argument("--settle", type=float, default=0.0, help="seconds to wait after the first frame before reading memory")
    args = parser.parse_args()
    history = os.path.abspath(args.history) if args.history else None
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench-startup: {binary} is not an executable")
    if args.runs < 2:
        sys.exit("bench-startup: --runs must be at least 2")

    labels = {
        "answering": "answers at once (xterm vt340: XTVERSION, DA1)",
        "silent": "never answers (the 150 ms timeout)",
    }
    results = {}
    odd = []
    frames = {mode: [] for mode in args.modes}
    asked = {mode: [] for mode in args.modes}
    after = {mode: [] for mode in args.modes}
    statuses = {mode: [] for mode in args.modes}
    memories = {mode: [] for mode in args.modes}
    try:
        for _ in range(args.warmup):
            for mode in args.modes:
                run_once(binary, mode, args.timeout, history, args.settle)
        # The modes take turns, so a machine that drifts during the benchmark drifts both alike.
        for _ in range(args.runs):
            for mode in args.modes:
                frame_ms, asked_ms, status, memory = run_once(binary, mode, args.timeout, history, args.settle)
                frames[mode].append(frame_ms)
                if memory is not None:
                    memories[mode].append(memory)
                statuses[mode].append(status)
                if asked_ms is not None:
                    asked[mode].append(asked_ms)
                    after[mode].append(frame_ms - asked_ms)
        for mode in args.modes:
            median, p10, p90 = summary(frames[mode])
            results[mode] = (median, p10, p90, statistics.median(asked[mode]) if asked[mode] else None,
                             statistics.median(after[mode]) if after[mode] else None)
            seen = f"query written at {results[mode][3]:.1f} ms median" if asked[mode] else "the query (ESC [ c) never seen"
            print(f"{mode:>9}: first frame median {median:.1f} ms, p10 {p10:.1f} ms, p90 {p90:.1f} ms"
                  f" ({args.runs} runs; {seen})", file=sys.stderr)
            if len(asked[mode]) < args.runs:
                odd.append(f"{mode}: the DA1 query was seen in {len(asked[mode])} of {args.runs} runs")
            bad = [s for s in statuses[mode] if s != 0]
            if bad:
                odd.append(f"{mode}: {len(bad)} of {args.runs} runs did not exit 0 after Ctrl-C: {sorted(set(map(str, bad)))}")
    except NoFrame as error:
        print(f"bench-startup: {error}", file=sys.stderr)
        return 1

    print("| terminal | runs | first frame, median [ms] | p10 [ms] | p90 [ms] | query written at, median [ms] | query to frame, median [ms] |")
    print("|:---|---:|---:|---:|---:|---:|---:|")
    for mode, (median, p10, p90, asked_ms, after_ms) in results.items():
        shown = lambda value: f"{value:.1f}" if value is not None else "query not seen"  # noqa: E731
        print(f"| {labels[mode]} | {args.runs} | {median:.1f} | {p10:.1f} | {p90:.1f} | {shown(asked_ms)} | {shown(after_ms)} |")
    if "answering" in results and "silent" in results:
        cost = results["silent"][0] - results["answering"][0]
        print(f"\nA terminal that never answers costs {cost:.1f} ms more to the first frame (medians)", end="")
        if results["silent"][4] is not None and results["answering"][4] is not None:
            print(f"; from the query to the frame, {results['silent'][4] - results['answering'][4]:.1f} ms.")
        else:
            print(".")
    if history:
        for mode in args.modes:
            if memories[mode]:
                print(f"\nPeak resident memory with {history}, {labels[mode]}: median "
                      f"{statistics.median(memories[mode]) / 1024:.1f} MiB, most {max(memories[mode]) / 1024:.1f} MiB "
                      f"({len(memories[mode])} runs, read {args.settle:g} s after the first frame).")
    for line in odd:
        print(f"note: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
