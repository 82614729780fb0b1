#!/usr/bin/env bash
# Cross-lingual benchmark of the concept layer, every part in one run by the same code path:
# sentence, document and STS retrieval through TextAnalyzer with the concept table
# (parallax_xling_bench), and event clustering / near-duplicates of xling-events with the CLI
# (events_bench.py). Builds first (./parallax.sh, as bench/run.sh does). Prints Markdown tables
# and writes them to bench/out/xling.md.
# Environment: PARALLAX_DATA (default: ../shared/data beside the repository), PARALLAX_BUILD_DIR
# (default: build/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(cd "${PARALLAX_DATA:-$root/../shared/data}" && pwd)"
export PARALLAX_BUILD_DIR="${PARALLAX_BUILD_DIR:-$root/build}"
build="$(mkdir -p "$PARALLAX_BUILD_DIR" && cd "$PARALLAX_BUILD_DIR" && pwd)"
"$root/parallax.sh" --help >/dev/null
# The bench program sits in build/bench/xling/, where the engine's search for the built-in table
# (../share/parallax beside the executable) does not reach: name the build's table.
export PARALLAX_CONCEPTS="${PARALLAX_CONCEPTS:-$build/share/parallax/concepts.plx}"
mkdir -p "$root/bench/out"
{
  echo "# Cross-lingual benchmark"
  echo
  echo "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)," \
    "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo
  "$build/bench/xling/parallax_xling_bench" "$data/xling"
  /usr/bin/python3 "$here/events_bench.py" "$build/engine/parallax" "$data"
  /usr/bin/python3 "$here/translations_bench.py" "$build/engine/parallax" "$data"
  PARALLAX_LIBRARY="$build/engine/libparallax.so" /usr/bin/python3 "$here/linking_bench.py" "$data"
} | tee "$root/bench/out/xling.md"
