#!/usr/bin/env bash
# Build parallax (through ./parallax.sh, which also installs missing Debian packages), then run the
# benchmark. Arguments go to bench/run_bench.py (e.g. --quick, --repetitions 5, --peer-only).
# Output: plain tables on stdout; bench/out/results.csv, summary.md and results.json.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
"$repo/parallax.sh" --help >/dev/null
exec /usr/bin/python3 "$here/run_bench.py" "$@"
