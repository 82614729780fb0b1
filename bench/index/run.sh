#!/usr/bin/env bash
# Index speed (issue 12): adding NEW documents to a store of BASE documents, against one batch
# `parallax cluster` of BASE + NEW; then queries against the store, by lookup and by rebuild. Uses the
# scale corpus (bench/scale/generate.py): its first BASE records fill the store, the next NEW are
# added, and QUERIES records after those are queried. Prints wall and CPU seconds and peak memory,
# then how far the lookup agrees with the rebuild (bench/index/query_agreement.py; with GOLD, the
# corpus's gold events, both against them).
#   bench/index/run.sh [CORPUS.jsonl] [BASE] [NEW] [THREADS] [QUERIES] [GOLD.tsv]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cli="${PARALLAX_CLI:-$repo/build/engine/parallax}"
corpus="${1:-$repo/bench/out/scale/corpus-100k.jsonl}"
base="${2:-90000}"
new="${3:-10000}"
threads="${4:-2}"
queries="${5:-1000}"
gold="${6:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head -n "$base" "$corpus" > "$work/base.jsonl"
# sed, not tail | head: head's early exit would fail the pipeline (pipefail) on a longer corpus.
sed -n "$((base + 1)),$((base + new))p" "$corpus" > "$work/new.jsonl"
cat "$work/base.jsonl" "$work/new.jsonl" > "$work/all.jsonl"
sed -n "$((base + new + 1)),$((base + new + queries))p" "$corpus" > "$work/query.jsonl"
head -n 1 "$work/query.jsonl" > "$work/query-1.jsonl"

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
measure "index query: 1 document against the store (lookup)" "$cli" index query -t "$threads" "$work/store.db" "$work/query-1.jsonl"
measure "index query: 1 document against the store (--rebuild)" "$cli" index query --rebuild -t "$threads" "$work/store.db" "$work/query-1.jsonl"
measure "index query: $queries documents against the store (lookup)" "$cli" index query -t "$threads" -f json -o "$work/lookup.json" "$work/store.db" "$work/query.jsonl"
measure "index query: $queries documents against the store (--rebuild)" "$cli" index query --rebuild -t "$threads" -f json -o "$work/rebuild.json" "$work/store.db" "$work/query.jsonl"
echo "store: $(du -m "$work/store.db" | cut -f1) MB for $((base + new)) documents"
/usr/bin/python3 - "$work/events.json" "$work/cluster.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
same = all(a[k] == b[k] for k in ("events", "near_duplicate_groups", "translations", "partial_copies"))
print("index events == cluster:", same)
PY
/usr/bin/python3 "$here/assignments_vs_batch.py" "$work/store.db" "$work/cluster.json"
/usr/bin/python3 "$here/query_agreement.py" "$work/lookup.json" "$work/rebuild.json" ${gold:+"$gold"}
