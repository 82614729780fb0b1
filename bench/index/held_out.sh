#!/usr/bin/env bash
# `index query` on documents whose events are stored (bench/index/run.sh queries the records after
# the store's, mostly new stories): of the first N records of a scale corpus, every K-th is held out
# as a query and the rest fill a store; the queries are then looked up and rebuilt, and both compared
# with each other and with the corpus's gold events (bench/index/query_agreement.py). Then the same
# documents are added (a backfill: dated among the stored ones) and the store's assignments compared
# with one batch `cluster` of all (bench/index/assignments_vs_batch.py).
#   bench/index/held_out.sh CORPUS.jsonl GOLD.tsv [N] [K] [THREADS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cli="${PARALLAX_CLI:-$repo/build/engine/parallax}"
corpus="$1"
gold="$2"
n="${3:-101000}"
k="${4:-101}"
threads="${5:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk -v n="$n" -v k="$k" -v stored="$work/stored.jsonl" -v queries="$work/queries.jsonl" \
  'NR > n { exit } NR % k == 0 { print > queries; next } { print > stored }' "$corpus"
echo "commit $(git -C "$repo" rev-parse --short HEAD): $(wc -l < "$work/stored.jsonl") stored, $(wc -l < "$work/queries.jsonl") queries (every ${k}th of the first $n records)"
"$cli" index add -q -t "$threads" "$work/store.db" "$work/stored.jsonl"
for method in lookup rebuild; do
  flag=$([ "$method" = rebuild ] && echo --rebuild || true)
  /usr/bin/time -f "$method: %e s wall, %U + %S s CPU, %M KB" \
    "$cli" index query $flag -t "$threads" -f json -o "$work/$method.json" "$work/store.db" "$work/queries.jsonl"
done
/usr/bin/python3 "$here/query_agreement.py" "$work/lookup.json" "$work/rebuild.json" "$gold"
/usr/bin/time -f "add of the queries: %e s wall, %U + %S s CPU, %M KB" \
  "$cli" index add -q -t "$threads" "$work/store.db" "$work/queries.jsonl"
"$cli" index stats -f json "$work/store.db" | /usr/bin/python3 -c \
  'import json, sys; print("placed incrementally since the last recomputation:", json.load(sys.stdin)["incremental_documents"])'
cat "$work/stored.jsonl" "$work/queries.jsonl" > "$work/all.jsonl"
"$cli" cluster -q -t "$threads" -f json -o "$work/cluster.json" "$work/all.jsonl"
/usr/bin/python3 "$here/assignments_vs_batch.py" "$work/store.db" "$work/cluster.json"
