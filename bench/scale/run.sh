#!/usr/bin/env bash
# Scale benchmark (issue 5): build parallax (through ./parallax.sh, which also installs missing
# Debian packages: golang-go and golang-github-ekzhu-minhash-lsh-dev for the MinHash LSH peer,
# python3-sklearn, python3-faiss, python3-matplotlib), then generate corpora of 1k..1M documents
# and run parallax beside its peers. Arguments go to bench/scale/run_scale.py, e.g.
#   bench/scale/run.sh --sizes 1000 10000 100000          (skip the 1M corpus)
#   bench/scale/run.sh --retune                           (tune thresholds again on 10k)
# Output: a table on stdout; bench/out/scale/results.csv, summary.md, scale.png.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
"$repo/parallax.sh" --help >/dev/null
exec /usr/bin/python3 "$here/run_scale.py" "$@"
