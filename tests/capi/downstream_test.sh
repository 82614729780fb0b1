#!/bin/sh
# Installs the build tree into a temporary prefix, then configures, builds and runs a separate C
# project that finds it with find_package(parallax).
# Usage: downstream_test.sh BUILD_DIR SOURCE_DIR_OF_DOWNSTREAM_PROJECT [C_FLAGS]
# (C_FLAGS: the sanitizer flags of a PARALLAX_SANITIZE build, so the program carries their runtime.)
set -eu
build_dir="$1"
project_dir="$2"
c_flags="${3:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log"
cmake -S "$project_dir" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS="$c_flags" >"$work/configure.log" \
  || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/build" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
test -f "$work/prefix/include/parallax/parallax.h"
LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib64:${LD_LIBRARY_PATH:-}" "$work/build/downstream"
