#!/usr/bin/env bash
# Benchmarks, each against a peer tool doing the same work in the same run. Results: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The release flags `make` builds with (statically linked Swift runtime).
release=${RELEASE:--c release --static-swift-stdlib -Xlinker --no-export-dynamic}

swift build $release --product sparkler
swift build $release --product fireworks-stub
results=$(mktemp -d)
stub_output="$results/stub.out"
.build/release/fireworks-stub --key bench-key > "$stub_output" &
stub_pid=$!
trap 'kill $stub_pid 2>/dev/null; rm -rf "$results"' EXIT
for _ in $(seq 100); do [[ -s "$stub_output" ]] && break; sleep 0.05; done
base_url=$(head -n 1 "$stub_output")

export FIREWORKS_API_KEY=bench-key FIREWORKS_API_BASE="$base_url"
export XDG_DATA_HOME="$results/data" XDG_CONFIG_HOME="$results/config"
model=accounts/fireworks/models/playground-v2-1024px-aesthetic
body='{"prompt":"a beautiful sunset over the ocean","cfg_scale":3,"height":1024,"width":1024,"steps":30,"seed":1,"samples":1,"safety_check":false}'

echo "== Start-up: sparkler --version vs chafa --version =="
echo "   the cost every command pays before doing anything."
hyperfine --warmup 5 --runs 100 -N --export-markdown "$results/startup-version.md" \
    --command-name "sparkler --version" ".build/release/sparkler --version" \
    --command-name "chafa --version" "chafa --version"
cat "$results/startup-version.md"

echo
echo "== One 1024x1024 JPEG from a local Fireworks-compatible server, whole process =="
echo "   sparkler also validates the image, embeds its parameters, and records it in history."
hyperfine --warmup 3 --runs 40 --export-markdown "$results/generate.md" \
    --command-name "sparkler generate" \
    ".build/release/sparkler generate 'a beautiful sunset over the ocean' --seed 1 -o $results/sparkler.jpg" \
    --command-name "curl" \
    "curl -sS -f -o $results/curl.jpg -H 'Authorization: Bearer bench-key' -H 'Accept: image/jpeg' -H 'Content-Type: application/json' -d '$body' $base_url/image_generation/$model"
cat "$results/generate.md"

echo
echo "== A 1024x1024 JPEG as 80x40 cells of block symbols in 256 colours, whole process =="
echo "   sparkler decodes with TurboJPEG, renders with libchafa and reads every cell back; chafa is the CLI."
picture="$results/render.jpg"
convert -seed 1 -size 1024x1024 plasma:fractal -quality 90 "$picture"
hyperfine --warmup 3 --runs 40 --export-markdown "$results/render.md" \
    --command-name "sparkler render" \
    ".build/release/sparkler render $picture --size 80x40 --graphics symbols --colors 256 --symbols block" \
    --command-name "chafa" \
    "chafa -s 80x40 --format symbols --colors 240 --symbols block+space-wide-inverted $picture"
cat "$results/render.md"

echo
echo "== History with 100,000 entries, in process (the playground's history pane) =="
swift build $release --product history-bench
.build/release/history-bench "$XDG_DATA_HOME/sparkler" | tee "$results/history.md"

echo
echo "== Search 100,000 entries, whole process: sparkler history list vs the sqlite3 CLI =="
echo "   the same FTS5 query; sparkler also decodes the rows and formats them."
hyperfine --warmup 3 --runs 30 --export-markdown "$results/search.md" \
    --command-name "sparkler history list --search" \
    ".build/release/sparkler history list --search 'sunset oce' --limit 50" \
    --command-name "sqlite3" \
    "sqlite3 $XDG_DATA_HOME/sparkler/history.sqlite \"SELECT e.id, e.createdAt, e.prompt FROM historyEntry_ft f JOIN historyEntry e ON e.id = f.rowid WHERE historyEntry_ft MATCH '\\\"sunset\\\" \\\"oce\\\"*' ORDER BY f.rowid DESC LIMIT 50\""
cat "$results/search.md"

echo
echo "== A 9-cell comparison, 3 in flight, against a server that answers each request after 500 ms =="
echo "   ideal: ceil(9 / 3) x 500 ms = 1500 ms. curl makes the same nine requests, three at a time (xargs -P 3);"
echo "   sparkler also validates, embeds the parameters in, and records every picture."
slow_output="$results/slow-stub.out"
.build/release/fireworks-stub --key bench-key --delay-ms 500 > "$slow_output" &
slow_pid=$!
trap 'kill $stub_pid $slow_pid 2>/dev/null; rm -rf "$results"' EXIT
for _ in $(seq 100); do [[ -s "$slow_output" ]] && break; sleep 0.05; done
slow_url=$(head -n 1 "$slow_output")
FIREWORKS_API_BASE="$slow_url" hyperfine --warmup 1 --runs 10 --export-markdown "$results/compare.md" \
    --command-name "sparkler compare --count 9 --max-in-flight 3" \
    ".build/release/sparkler compare 'a beautiful sunset over the ocean' --count 9 --seed 1 --max-in-flight 3 --yes" \
    --command-name "curl x 9, 3 at a time" \
    "seq 9 | xargs -P 3 -I{} curl -sS -f -o $results/curl-{}.jpg -H 'Authorization: Bearer bench-key' -H 'Accept: image/jpeg' -H 'Content-Type: application/json' -d '${body/\"seed\":1/\"seed\":\{\}}' $slow_url/image_generation/$model"
cat "$results/compare.md"

echo
echo "== The offline engine: one picture at the defaults (DDIM, 20 steps, guidance 3), in process =="
echo "   PyTorch runs the same weights and sampler, float32, the two passes batched, two threads."
swift build $release --product engine-bench
make -s training/.venv/.installed
.build/release/engine-bench 20 | tee "$results/engine.md"
(cd training && .venv/bin/python bench_reference.py --runs 20) | tee -a "$results/engine.md"

echo
echo "== The offline engine, whole process: one 512x512 picture, sparkler generate vs the PyTorch script =="
echo "   sparkler also upscales, encodes, embeds the parameters and records the picture in history."
hyperfine --warmup 2 --runs 10 --export-markdown "$results/engine-process.md" \
    --command-name "sparkler generate --backend local" \
    ".build/release/sparkler generate 'a beautiful sunset over the ocean' --backend local --seed 1 -o $results/local.png" \
    --command-name "python bench_reference.py --once" \
    "cd training && .venv/bin/python bench_reference.py --once"
cat "$results/engine-process.md"

echo
echo "== sparkler serve: 512x512 JPEGs from the offline engine over HTTP, 1, 2 and 8 concurrent clients =="
echo "   each row against the 1-client row, the engine's single-picture time: the server draws one picture at a"
echo "   time, and its queue of 16 holds every waiting client, so there should be no 429s."
swift build $release --product serve-bench
serve_output="$results/serve.out"
SPARKLER_LOG=warning .build/release/sparkler serve --port 0 --key bench-key --queue 16 > "$serve_output" &
serve_pid=$!
trap 'kill $stub_pid $slow_pid $serve_pid 2>/dev/null || true; rm -rf "$results"' EXIT
for _ in $(seq 600); do [[ -s "$serve_output" ]] && break; sleep 0.05; done
serve_line=$(head -n 1 "$serve_output")
.build/release/serve-bench "${serve_line#sparkler serve: listening on }" bench-key | tee "$results/serve.md"
kill -TERM $serve_pid
wait $serve_pid

echo
echo "== Start-up to the first frame (terminal query): the playground in a 120x40 pty, offline engine, no history =="
echo "   from spawn until the status line is on screen; the terminal answers XTVERSION and DA1 at once"
echo "   (xterm vt340's replies) or never (the playground waits out its 150 ms for DA1)."
python3 scripts/bench-startup.py .build/release/sparkler --runs 20 --warmup 2 | tee "$results/startup.md"

echo
echo "== The playground over the 100,000-entry history: first frame and peak memory =="
echo "   the history-bench folder from above, read 1 s after the first frame (the history's first page is loaded by then)."
python3 scripts/bench-startup.py .build/release/sparkler --runs 10 --warmup 1 --modes answering \
    --history "$XDG_DATA_HOME/sparkler" --settle 1 | tee "$results/startup-history.md"
