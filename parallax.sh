#!/usr/bin/env bash
# One entry point for users and CI:
#   ./parallax.sh                 set up, build, then cluster the bundled example corpus
#   ./parallax.sh ARGS...         set up, build, then run `parallax ARGS...`
#   ./parallax.sh test            set up, build, then run every test (CTest)
#   ./parallax.sh test --sanitize the same with AddressSanitizer + UndefinedBehaviorSanitizer
#                                 (and LeakSanitizer), built under build-sanitize/
# Set-up installs only the Debian packages that are missing (needs root or sudo), then configures
# and builds with CMake in Release mode under build/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="${PARALLAX_BUILD_DIR:-$here/build}"
cmake_options=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "test" ] && [ "${2:-}" = "--sanitize" ]; then
  # A separate tree: the sanitized build never replaces the Release one. Optimized (-O2 -g), so
  # the suite runs in minutes and reports name source lines. Every report stops the test
  # (halt_on_error; UBSan is built with -fno-sanitize-recover), and leaks are reported.
  build_dir="${PARALLAX_SANITIZE_BUILD_DIR:-$here/build-sanitize}"
  cmake_options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARALLAX_SANITIZE=ON)
  export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:${ASAN_OPTIONS:-}"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
  set -- test "${@:3}"
fi

# Debian packages the build, the tests, the Python package and the benchmarks need (the FreeDict
# and Mueller dictionaries feed the concept table the build compiles: docs/lexicon.md).
packages=(
  build-essential cmake pkg-config
  libicu-dev libeigen3-dev libfaiss-dev libopenblas0-pthread libopenblas-dev
  libboost-program-options-dev doctest-dev libstemmer-dev libcld2-dev
  libxxhash-dev libsimdjson-dev nlohmann-json3-dev libsqlite3-dev zlib1g-dev
  python3 python3-numpy python3-sklearn python3-matplotlib python3-faiss time
  python3-nbclient python3-nbconvert python3-nbformat python3-ipykernel python3-dask python3-distributed
  golang-go golang-github-ekzhu-minhash-lsh-dev
  dict-freedict-ara-eng dict-freedict-eng-ara mueller7-dict wordnet-base
  chromium python3-pil
)

log() { printf '[parallax.sh] %s\n' "$*" >&2; }

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

build() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    log "configuring (${cmake_options[*]}) in $build_dir"
    cmake -S "$here" -B "$build_dir" "${cmake_options[@]}" >&2
  fi
  log "building with $jobs jobs"
  cmake --build "$build_dir" -j "$jobs" >&2
}

install_missing_packages
build

if [ $# -eq 0 ]; then
  exec "$build_dir/engine/parallax" report "$here/examples/corpus.jsonl"
elif [ "$1" = "test" ]; then
  shift
  cd "$build_dir"
  exec ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
else
  exec "$build_dir/engine/parallax" "$@"
fi
