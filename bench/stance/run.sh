#!/usr/bin/env bash
# Builds the project and runs the stance benchmark: FNC-1 (official weighted score, per-class F1,
# macro-F1 on the competition test set, beside the published 79.53 / 82.02) and ANS (Arabic).
# Trains the judges from the training splits and writes them to models/ (docs/claims.md): ANS's
# in C++, FNC-1's (features and words) with scikit-learn through bench/stance/train_bow.py.
# Usage: bench/stance/run.sh [DATA_DIR]   (default: ../shared/data beside the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data}"
build="${PARALLAX_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target parallax_stance_bench >/dev/null
mkdir -p "$root/models"
# One thread for Eigen: the same summation order on every machine (so the same model file), and
# no oversubscription on a shared machine.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python=/usr/bin/python3  # Debian's, which sees python3-sklearn
if ! "$python" -c 'import sklearn' 2>/dev/null; then
  echo "bench/stance/run.sh: needs Debian's python3-sklearn (apt-get install python3-sklearn)" >&2
  exit 2
fi
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
features="$(mktemp -d)"
trap 'rm -rf "$features"' EXIT
# The features-only judges and ANS (written to models/stance_ans.json); FNC-1's pair features.
"$build/bench/parallax_stance_bench" "$data" "$root/models" "$features"
# The shipped FNC-1 judge: the features and the words of headline and body (models/stance_fnc1.json),
echo
"$python" "$root/bench/stance/train_bow.py" "$data" "$features" "$root/models/stance_fnc1.json"
# scored through the engine's own inference.
"$build/bench/parallax_stance_bench" --evaluate "$root/models/stance_fnc1.json" "$data"
