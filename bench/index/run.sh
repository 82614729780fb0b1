#!/usr/bin/env bash
# Index speed (issue 12): adding NEW documents to a store of BASE documents, against one batch
# `parallax cluster` of BASE + NEW. Uses the scale corpus (bench/scale/generate.py): its first BASE
# records fill the store, the next NEW are added. Prints wall and CPU seconds and peak memory.
#   bench/index/run.sh [CORPUS.jsonl] [BASE] [NEW] [THREADS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cli="${PARALLAX_CLI:-$repo/build/engine/parallax}"
corpus="${1:-$repo/bench/out/scale/corpus-100k.jsonl}"
base="${2:-90000}"
new="${3:-10000}"
threads="${4:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head -n "$base" "$corpus" > "$work/base.jsonl"
tail -n +"$((base + 1))" "$corpus" | head -n "$new" > "$work/new.jsonl"
cat "$work/base.jsonl" "$work/new.jsonl" > "$work/all.jsonl"
head -n 100 "$work/new.jsonl" > "$work/query.jsonl"

measure() {  # label, command...: one row
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err"; exit 1; }
  read -r wall user sys rss < "$work/time"
  printf "| %s | %.1f | %.1f | %d |\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
}

echo "commit $(git -C "$repo" rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), threads $threads"
echo "| step | wall s | CPU s | peak MB |"
echo "|---|---|---|---|"
measure "index add: $base documents into a new store" "$cli" index add -q -t "$threads" "$work/store.db" "$work/base.jsonl"
measure "index add: $new documents into the store of $base" "$cli" index add -q -t "$threads" "$work/store.db" "$work/new.jsonl"
measure "cluster: all $((base + new)) documents (batch re-cluster)" "$cli" cluster -q -t "$threads" -f json -o "$work/cluster.json" "$work/all.jsonl"
measure "index events: report of the $((base + new)) stored" "$cli" index events -t "$threads" -f json -o "$work/events.json" "$work/store.db"
measure "index query: 100 documents against the store" "$cli" index query -t "$threads" "$work/store.db" "$work/query.jsonl"
echo "store: $(du -m "$work/store.db" | cut -f1) MB for $((base + new)) documents"
/usr/bin/python3 - "$work/events.json" "$work/cluster.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
same = all(a[k] == b[k] for k in ("events", "near_duplicate_groups", "translations", "partial_copies"))
print("index events == cluster:", same)
PY
