#!/usr/bin/env bash
# Calibration of compare's thresholds for claims in two languages (bench/claims/sts_calibration.cpp):
# SemEval-2017 STS tracks ar-ar, ar-en, en-en and NTREX translations. Builds first; prints Markdown.
# Usage: bench/claims/run.sh [DATA_DIR]   (default: ../shared/data beside the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
build="${PARALLAX_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target parallax_sts_calibration >/dev/null
export PARALLAX_CONCEPTS="${PARALLAX_CONCEPTS:-$build/share/parallax/concepts.plx}"
"$build/bench/parallax_sts_calibration" "$data/xling/sts2017" "$data/xling/ntrex"
