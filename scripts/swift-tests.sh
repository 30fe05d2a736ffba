#!/bin/bash
# Runs the Swift tests. When some fail, their issues are printed again at the end, after the runner's
# summary is repeated, so a CI log cut to its tail still says what failed and why.
set -o pipefail
log=.build/swift-test.log
"${SWIFT:-swift}" test --skip-build --disable-xctest "$@" 2>&1 | tee "$log"
status=$?
if [ "$status" -ne 0 ]; then
    echo
    echo "=== What failed (from $log) ==="
    # An issue line, and the lines that continue its message (indented ones and ↳ comments).
    awk '/recorded an issue|✘ Suite .* failed|✘ Test .* failed/ { print; keep = 1; next }
         keep && /^(↳| )/ { print; next }
         { keep = 0 }' "$log" | grep -v '^✘ Test run with' | head -200
    grep -E '^✘ Test run with|^✔ Test run with' "$log" | tail -1
fi
exit "$status"
