#!/usr/bin/env bash
# Writes the playground's key table (`sparkler keys --markdown`, from Sources/SparklerTUI/App/Keymap.swift)
# into README.md between its `<!-- keys: ... -->` markers. A test fails while the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(mktemp)
trap 'rm -f "$table"' EXIT
"${SWIFT:-swift}" build --product sparkler >/dev/null
.build/debug/sparkler keys --markdown > "$table"
awk -v table="$table" '
    /^<!-- keys: end -->/ { while ((getline line < table) > 0) print line; skipping = 0 }
    !skipping { print }
    /^<!-- keys: generated/ { skipping = 1 }
' README.md > README.md.new
mv README.md.new README.md
