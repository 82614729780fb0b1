#!/usr/bin/env python3
"""Near-duplicate recall of `parallax dedup` per threshold, with the LSH banding chosen from the
threshold (now) and with the fixed 32 bands x 4 rows of before (--bands 32), on a scale corpus and
its gold (bench/scale/generate.py: originals and copies at edit rates 2-20%, same-event rewrites at
40%). Prints a Markdown table: the banding, the share of (original, copy) pairs at each edit rate
put in one group, pair precision over all reported pairs, and CPU seconds. A table, not pass/fail.

usage: bench/lsh/recall.py PARALLAX CORPUS.jsonl GOLD.tsv [--thresholds 0.25,0.3,0.45,0.6]
"""
import argparse
import collections
import csv
import itertools
import json
import os
import resource
import subprocess
import sys
import time


def read_gold(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    original_of_group = {r["dup_group"]: r["id"] for r in rows if r["edit_kind"] == "original"}
    copies = collections.defaultdict(list)  # edit rate -> (original, copy)
    gold_group = {}
    for r in rows:
        if r["edit_kind"] == "original":
            gold_group[r["id"]] = r["dup_group"]
            continue
        rate = float(r["edit_rate"])
        original = original_of_group.get(r["dup_group"])
        if original is not None:
            copies[rate].append((original, r["id"]))
        if rate <= 0.2:
            gold_group[r["id"]] = r["dup_group"]
    return copies, gold_group


def run_dedup(parallax, corpus, threshold, extra):
    args = [parallax, "dedup", "--format", "json", "--quiet", "--threads", "2", "--dup-threshold", str(threshold)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    out = subprocess.run(args + extra + [corpus], check=True, capture_output=True).stdout
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return json.loads(out), wall, cpu


def score(report, copies, gold_group):
    group_of = {}
    predicted_pairs = 0
    true_pairs = 0
    for g in report["near_duplicate_groups"]:
        ids = [m["id"] for m in g["members"]]
        for i in ids:
            group_of[i] = g["group"]
        for a, b in itertools.combinations(ids, 2):
            predicted_pairs += 1
            true_pairs += a in gold_group and gold_group.get(a) == gold_group.get(b)
    found = {rate: sum(group_of.get(a, -1) == group_of.get(b, -2) for a, b in pairs) / len(pairs)
             for rate, pairs in copies.items()}
    return found, (true_pairs / predicted_pairs if predicted_pairs else float("nan"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parallax")
    parser.add_argument("corpus")
    parser.add_argument("gold")
    parser.add_argument("--thresholds", default="0.25,0.3,0.45,0.6")
    args = parser.parse_args()
    copies, gold_group = read_gold(args.gold)
    rates = sorted(copies)
    print(f"corpus {os.path.basename(args.corpus)}; (original, copy) pairs per edit rate: "
          + ", ".join(f"{r:.0%} {len(copies[r])}" for r in rates))
    print("\n| threshold | banding | bands x rows | " + " | ".join(f"found at {r:.0%}" for r in rates)
          + " | pair precision | CPU s | wall s |")
    print("|---|---|---|" + "---|" * len(rates) + "---|---|---|")
    for threshold in (float(t) for t in args.thresholds.split(",")):
        for label, extra in (("before: fixed", ["--bands", "32", "--rows", "4"]), ("now: from threshold", [])):
            report, wall, cpu = run_dedup(args.parallax, args.corpus, threshold, extra)
            found, precision = score(report, copies, gold_group)
            p = report["parameters"]
            print(f"| {threshold} | {label} | {p['bands']} x {p['rows']} | "
                  + " | ".join(f"{found[r]:.3f}" for r in rates) + f" | {precision:.4f} | {cpu:.2f} | {wall:.2f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
