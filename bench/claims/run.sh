#!/usr/bin/env bash
# Claims benchmarks: the calibration of compare's thresholds for claims in two languages (sts_calibration.cpp):
# SemEval-2017 STS tracks ar-ar, ar-en, en-en and NTREX translations; the agree threshold against ECB+
# event coreference (ecb_calibration.cpp); then speaker attribution against
# bench/claims/attribution_gold.jsonl. Builds first; prints Markdown.
# Usage: bench/claims/run.sh [DATA_DIR]   (default: ../shared/data beside the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
build="${PARALLAX_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target parallax_sts_calibration parallax_ecb_calibration parallax concept_table antonyms >/dev/null
export PARALLAX_CONCEPTS="${PARALLAX_CONCEPTS:-$build/share/parallax/concepts.plx}"
"$build/bench/parallax_sts_calibration" "$data/xling/sts2017" "$data/xling/ntrex"
# Same action or not (ECB+ cross-document event coreference), one compared set per topic.
ecb_sentences="$(mktemp)"
trap 'rm -f "$ecb_sentences"' EXIT
/usr/bin/python3 "$root/bench/claims/ecbplus_sentences.py" "$data/ecbplus" > "$ecb_sentences"
"$build/bench/parallax_ecb_calibration" "$ecb_sentences"
# Speaker attribution against the hand-made gold set (bench/claims/ATTRIBUTION.md).
/usr/bin/python3 "$root/bench/claims/attribution_bench.py" "$build/engine/parallax" "$data"
# Claim alignment across the two official sides against bench/claims/alignment_gold.json (ALIGNMENT.md).
/usr/bin/python3 "$root/bench/claims/alignment_bench.py" "$build/engine/parallax" "$data"
