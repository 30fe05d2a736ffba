#!/usr/bin/env bash
# Runs the Fireworks client conformance suite (Tests/Conformance) against `sparkler serve`.
#
# Makes a Python venv at .build/conformance-venv with Tests/Conformance/requirements.txt (the official
# fireworks-ai client and Pillow) the first time, and again only when the requirements or the Python
# change. Then runs the suite, which starts the server itself. Arguments go to the suite
# (-k SUBSTRING to run some checks, -v for timings and tracebacks).
#
# Environment: SPARKLER_BINARY (default .build/debug/sparkler), PYTHON (default python3).
# Needs python3 with the venv module (Debian: python3-venv), network access to PyPI for the first
# run, and curl for the README's curl examples.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=Tests/Conformance/requirements.txt
venv=.build/conformance-venv
stamp=$venv/.requirements-stamp
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: $python not found. Install Python 3 (Debian: apt-get install python3 python3-venv)." >&2
    exit 1
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "error: $python cannot make virtual environments: the venv/ensurepip modules are missing." >&2
    echo "On Debian and Ubuntu install the python3-venv package (apt-get install python3-venv)." >&2
    exit 1
fi

# The stamp names the requirements and the interpreter the venv was made from.
wanted=$( { cat "$requirements"; "$python" -c 'import sys; print(sys.executable, sys.version)'; } | sha256sum | cut -d' ' -f1)
if [[ ! -x $venv/bin/python || ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
    echo "Making $venv (fireworks-ai client and Pillow from $requirements)"
    rm -rf "$venv"
    mkdir -p .build
    if ! "$python" -m venv "$venv"; then
        rm -rf "$venv"
        echo "error: '$python -m venv' failed. On Debian and Ubuntu install python3-venv." >&2
        exit 1
    fi
    if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"; then
        rm -rf "$venv"
        echo "error: installing $requirements failed (is PyPI reachable?)" >&2
        exit 1
    fi
    echo "$wanted" >"$stamp"
fi

exec "$venv/bin/python" Tests/Conformance/test_fireworks_client.py "$@"
